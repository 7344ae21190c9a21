package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.clients.ClientListing;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/**
 * OAuth clients for administrators. Clients from configuration are read-only (409
 * {@code configured_client}); disabling or deleting a registered client revokes its tokens at once.
 */
public interface AdministerClientsUseCase {

    Outcome<List<ClientListing>> clients(Principal caller, int page, int limit);

    Outcome<ClientListing> client(Principal caller, String clientId);

    Outcome<ClientListing> setClientDisabled(Principal caller, String clientId, boolean disabled);

    Outcome<String> deleteClient(Principal caller, String clientId);
}
