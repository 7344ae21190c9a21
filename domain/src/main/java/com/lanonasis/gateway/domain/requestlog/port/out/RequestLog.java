package com.lanonasis.gateway.domain.requestlog.port.out;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import java.time.Instant;
import java.util.List;

/** Outgoing port: where request records are kept and read back. */
public interface RequestLog {

    /** Stores records in one batch (one round trip where the store allows). */
    void append(List<RequestRecord> batch);

    List<RequestRecord> query(RequestLogQuery query);

    /** Requests per hour in [from, to), oldest hour first; hours without requests are left out. */
    List<HourlyRequests> hourly(Instant from, Instant to);
}
