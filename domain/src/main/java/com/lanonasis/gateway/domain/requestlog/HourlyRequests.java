package com.lanonasis.gateway.domain.requestlog;

import java.time.Instant;

/**
 * The requests of one hour.
 *
 * @param hour              the start of the hour (UTC)
 * @param errors            requests answered with a status of 500 or more
 * @param clientErrors      requests answered with a status from 400 to 499
 * @param uniqueAddresses   distinct client addresses
 */
public record HourlyRequests(Instant hour, long requests, long errors, long clientErrors, long uniqueAddresses) {
}
