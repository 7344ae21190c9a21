package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The caller's IP address. {@code X-Forwarded-For} and {@code X-Real-IP} are believed only when
 * the connection comes from a configured trusted proxy ({@code ONASIS_TRUSTED_PROXIES}, CIDRs);
 * then the client is the right-most forwarded address that is not itself a trusted proxy.
 */
@Context // a malformed ONASIS_TRUSTED_PROXIES stops start-up with one line, not the first request
@Singleton
public final class ClientAddress {

    private final List<Cidr> trusted;

    ClientAddress(@Value("${onasis.edge.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /** Computed once per request (the rate limiter, the access log and controllers all ask). */
    public String of(HttpRequest<?> request) {
        return RequestAttributes.CLIENT_ADDRESS.get(request).orElseGet(() -> {
            String address = compute(request);
            RequestAttributes.CLIENT_ADDRESS.set(request, address);
            return address;
        });
    }

    private String compute(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty() && !isTrusted(hop)) {
                    return parses(hop) ? hop : peer;
                }
            }
        }
        String real = request.getHeaders().get("X-Real-IP");
        return real != null && parses(real.strip()) ? real.strip() : peer;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** Only literal addresses count: a name in a header must not trigger a DNS lookup. */
    private static boolean parses(String address) {
        return address.matches("[0-9a-fA-F:.]+") && Cidr.bytes(address) != null;
    }

    /** An address block, IPv4 or IPv6, e.g. {@code 10.0.0.0/8}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = bytes(slash < 0 ? text : text.substring(0, slash));
            int prefix;
            try {
                prefix = network == null ? -1 : slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (network == null || prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("ONASIS_TRUSTED_PROXIES (onasis.edge.trusted-proxies): not an address"
                        + " or CIDR: " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(String address) {
            byte[] candidate = address.matches("[0-9a-fA-F:.]+") ? bytes(address) : null;
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static byte[] bytes(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
    }
}
