package com.lanonasis.gateway.domain.shared.port.out;

import java.util.UUID;

public interface IdGenerator {

    UUID newId();

    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
