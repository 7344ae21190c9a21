package com.lanonasis.gateway.bootstrap.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 exchange written by hand: a Host header of our choosing, or a request target
 * with characters java.net.http refuses to send (as a careless client or an attacker sends them).
 */
final class RawHttp {

    private RawHttp() {
    }

    record Reply(int status, String headers, String body) {

        String cookie(String name) {
            Matcher matcher = Pattern.compile("(?im)^set-cookie: " + name + "=([^;\\r\\n]*)").matcher(headers);
            if (!matcher.find()) {
                throw new AssertionError("no " + name + " cookie in " + headers);
            }
            return matcher.group(1);
        }
    }

    /** @param extraHeaders complete header lines without the line end, e.g. "Origin: null" */
    static Reply exchange(URI server, String method, String target, String host, String body, String... extraHeaders) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\nAccept: text/html\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            if (head.length() < 12) {
                throw new AssertionError("no HTTP answer: " + text);
            }
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
