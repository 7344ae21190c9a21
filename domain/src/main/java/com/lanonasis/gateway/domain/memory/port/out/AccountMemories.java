package com.lanonasis.gateway.domain.memory.port.out;

import com.lanonasis.gateway.domain.shared.UserId;

/** Outgoing port: all of one account's memories at once, for deleting the account. */
public interface AccountMemories {

    /** Deletes every entry of the owner; the number deleted. */
    long eraseAll(UserId owner);
}
