package com.lanonasis.gateway.application.oauth.port.in;

import java.util.List;

/** RFC 7591 client metadata as received (any may be null). */
public record ClientMetadata(List<String> redirectUris, String clientName, List<String> grantTypes,
                             List<String> responseTypes, String tokenEndpointAuthMethod, String scope) {
}
