package com.lanonasis.gateway.adapters.http.security.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The pages' one stylesheet, served by the service so the CSP can stay {@code style-src 'self'}
 * (no inline style). Cacheable: its ETag is a hash of its content.
 */
@Controller
@Hidden
final class AssetsController {

    static final String STYLESHEET = "/assets/onasis.css";

    private final String css;
    private final String etag;

    AssetsController() {
        try (InputStream in = AssetsController.class.getResourceAsStream("onasis.css")) {
            if (in == null) {
                throw new IllegalStateException("onasis.css is missing from the classpath");
            }
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(css.getBytes(StandardCharsets.UTF_8)), 0, 8) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Get(value = STYLESHEET, produces = "text/css;charset=utf-8")
    HttpResponse<String> stylesheet(HttpRequest<?> request) {
        if (etag.equals(request.getHeaders().get("If-None-Match"))) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", etag)
                    .header("Cache-Control", "public, max-age=86400");
        }
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8").header("ETag", etag)
                .header("Cache-Control", "public, max-age=86400").header("X-Content-Type-Options", "nosniff");
    }
}
