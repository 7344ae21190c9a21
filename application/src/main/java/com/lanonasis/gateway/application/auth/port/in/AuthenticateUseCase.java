package com.lanonasis.gateway.application.auth.port.in;

/** Turns a presented credential into a verified caller. The only source of principals. */
public interface AuthenticateUseCase {

    Authentication authenticate(Credential credential);
}
