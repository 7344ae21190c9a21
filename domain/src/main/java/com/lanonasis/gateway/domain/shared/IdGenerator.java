package com.lanonasis.gateway.domain.shared;

import java.util.UUID;

public interface IdGenerator {

    UUID newId();

    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
