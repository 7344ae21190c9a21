package com.lanonasis.gateway.domain.requestlog;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.time.Instant;

/**
 * A page of the request log, newest first; null filters match everything.
 *
 * @param minStatus   only requests whose status is at least this (400: client and server errors, 500: server errors)
 * @param status      only this exact status
 * @param slowMillis  only requests that took at least this many milliseconds
 * @param page        1-based
 */
public record RequestLogQuery(String clientAddress, String clientId, String userId, Integer status,
                              Integer minStatus, Long slowMillis, Instant from, Instant to, int page, int limit) {

    public static final int MAX_LIMIT = 500;

    public RequestLogQuery {
        if (page < 1) {
            throw new InvalidValue("page", "page must be at least 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new InvalidValue("status", "status must be an HTTP status between 100 and 599");
        }
        if (minStatus != null && (minStatus < 100 || minStatus > 599)) {
            throw new InvalidValue("errors", "errors must be 400 or 500");
        }
        if (slowMillis != null && slowMillis < 0) {
            throw new InvalidValue("slow", "slow must be a number of milliseconds, at least 0");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValue("to", "to must not be before from");
        }
        if (clientAddress != null && clientAddress.length() > 64) {
            throw new InvalidValue("ip", "ip must be an address");
        }
        if (clientId != null && clientId.length() > 100) {
            throw new InvalidValue("client", "client must be at most 100 characters");
        }
        if (userId != null && userId.length() > 64) {
            throw new InvalidValue("user", "user must be a user id");
        }
    }

    public boolean matches(RequestRecord record) {
        return (clientAddress == null || clientAddress.equals(record.clientAddress()))
                && (clientId == null || clientId.equals(record.clientId()))
                && (userId == null || userId.equals(record.userId()))
                && (status == null || status == record.status())
                && (minStatus == null || record.status() >= minStatus)
                && (slowMillis == null || record.durationMicros() >= slowMillis * 1000)
                && (from == null || !record.at().isBefore(from))
                && (to == null || record.at().isBefore(to));
    }
}
