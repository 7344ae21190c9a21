package com.lanonasis.gateway.application.requestlog.port.in;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The request log for administrators (admin scope and admin role, checked at every use). */
public interface ReadRequestLogUseCase {

    /** At most this long a window for hourly statistics. */
    int MAX_HOURS = 31 * 24;

    Outcome<List<RequestRecord>> query(Principal caller, RequestLogQuery query);

    /** Requests, errors and distinct addresses per hour in [from, to). */
    Outcome<List<HourlyRequests>> hourly(Principal caller, Instant from, Instant to);

    /** Every request this instance records from now on, until the tail is stopped. */
    Outcome<Tail> tail(Principal caller, Consumer<RequestRecord> listener);

    /** Whether the caller may still read the log (a tail re-checks this while open). */
    boolean mayRead(Principal caller);

    interface Tail {
        void stop();
    }
}
