package com.lanonasis.gateway.application.oauth.port.in;

/** The token endpoint: every grant. */
public interface IssueTokenUseCase {

    OAuthResult<TokenResponse> issue(ClientAuthentication client, TokenRequest request);
}
