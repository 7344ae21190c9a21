package com.lanonasis.gateway.application.requestlog.port.in;

import com.lanonasis.gateway.domain.requestlog.RequestRecord;

/** The edge hands over each finished request; never blocks and never fails the request. */
public interface RecordRequestUseCase {

    void record(RequestRecord request);
}
