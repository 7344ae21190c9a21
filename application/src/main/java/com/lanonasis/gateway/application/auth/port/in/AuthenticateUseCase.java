package com.lanonasis.gateway.application.auth.port.in;

/** Turns a presented credential into a verified caller. The only source of principals. */
public interface AuthenticateUseCase {

    /** Any credential this service issued, wherever it is presented (ForwardAuth checks per route itself). */
    Authentication authenticate(Credential credential);

    /**
     * A credential presented to {@code resource}: verified, then refused with
     * {@link Authentication.CredentialProblem#NOT_FOR_THIS_RESOURCE} unless the resource accepts it.
     */
    default Authentication authenticate(Credential credential, ProtectedResource resource) {
        Authentication result = authenticate(credential);
        if (result instanceof Authentication.Authenticated authenticated && !resource.accepts(authenticated.principal())) {
            return new Authentication.Unauthenticated(Authentication.CredentialProblem.NOT_FOR_THIS_RESOURCE);
        }
        return result;
    }
}
