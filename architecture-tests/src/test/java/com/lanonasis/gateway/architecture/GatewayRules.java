package com.lanonasis.gateway.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The architecture of onasis-gateway as rules over a root package. Production code is checked
 * under {@code com.lanonasis.gateway}; the same rules are run against deliberately broken
 * fixtures under another root to prove that each one can fail.
 */
final class GatewayRules {

    private GatewayRules() {
    }

    static List<ArchRule> all(String root) {
        return List.of(onionLayering(root), bootstrapIsTheOnlyWiringPlace(root), nothingDependsOnBootstrap(root),
                coreIsFrameworkFree(root), noFieldInjection(root), domainContextsAreFreeOfCycles(root),
                onlyCredentialVerificationCreatesPrincipals(root), onlySecurityAdapterReadsCredentials(root),
                secretsRedactToString(root), inboundAdaptersUseIncomingPortsOnly(root),
                inboundAdaptersNeverTouchOutgoingPorts(root), onlyAdminControllersCallAdminUseCases(root),
                upstreamProxyStandsApart(root), embeddedCoreStandsOutside(root), outgoingPortsLiveInPortOut(root),
                sharedEdgeStandsAlone(root), onlyInboundAdaptersUseSharedEdge(root));
    }

    /**
     * domain ← application ← adapters; adapters never depend on each other, with one exception: adapters-mcp
     * may use the shared edge of the inbound adapters, {@code adapters.http.shared}, and nothing else of
     * adapters-http (the MCP transports are HTTP transports).
     */
    static ArchRule onionLayering(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain..")
                .applicationServices(root + ".application..")
                .adapter("http", root + ".adapters.http..")
                .adapter("persistence", root + ".adapters.persistence..")
                .adapter("mcp", root + ".adapters.mcp..")
                .withOptionalLayers(true)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(root + ".bootstrap.."),
                        DescribedPredicate.alwaysTrue())
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(root + ".embedded.."),
                        DescribedPredicate.alwaysTrue())
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(root + ".adapters.mcp.."),
                        JavaClass.Predicates.resideInAPackage(root + ".adapters.http.shared.."))
                .because("the core must not know its adapters, and adapters meet only in bootstrap"
                        + " (adapters-mcp may use adapters.http.shared, the shared edge, and no other part of adapters-http)");
    }

    static ArchRule bootstrapIsTheOnlyWiringPlace(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areAnnotatedWith("io.micronaut.context.annotation.Factory")
                .should().resideInAPackage(root + ".bootstrap..")
                .because("use cases and stores are wired in one place, bootstrap's @Factory classes");
    }

    static ArchRule nothingDependsOnBootstrap(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .because("bootstrap is the outermost ring");
    }

    static ArchRule coreIsFrameworkFree(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..", root + ".embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax.inject..",
                        "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "io.lettuce..", "org.flywaydb..",
                        "com.zaxxer..", "io.netty..", "reactor..")
                .because("the domain and its use cases are plain Java that any adapter or test can drive");
    }

    /**
     * The embedded core ({@code OnasisCore} and the in-memory adapters) wires the hexagon from outside, as
     * bootstrap does: the core and the inbound adapters never reach into it; bootstrap and the persistence
     * adapters may reuse its in-memory adapters (the in-process short-lived state, local event delivery).
     */
    static ArchRule embeddedCoreStandsOutside(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..",
                        root + ".adapters.http..", root + ".adapters.mcp..")
                .should().dependOnClassesThat().resideInAPackage(root + ".embedded..")
                .because("the embedded core is a composition root beside bootstrap, not a layer of the hexagon");
    }

    static ArchRule noFieldInjection(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith("javax.inject.Inject")
                .because("dependencies arrive through constructors, so an object is complete once built");
    }

    static ArchRule domainContextsAreFreeOfCycles(String root) {
        return slices().matching(root + ".domain.(*)..").should().beFreeOfCycles()
                .because("bounded contexts depend on each other in one direction at most");
    }

    /** The trust boundary: a verified caller can only come out of credential verification. */
    static ArchRule onlyCredentialVerificationCreatesPrincipals(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".application.auth..")
                .should().callConstructorWhere(target(owner(name(root + ".domain.shared.Principal"))))
                .because("a Principal must only be created by the credential-verification use cases");
    }

    /**
     * Reading Authorization, cookies or building a Credential from a request happens in the security packages
     * and in the shared edge's one credential reader ({@code adapters.http.shared.Credentials}).
     */
    static ArchRule onlySecurityAdapterReadsCredentials(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .and().resideOutsideOfPackages(root + ".adapters.http.security..", root + ".adapters.mcp.security..")
                .and().doNotHaveFullyQualifiedName(root + ".adapters.http.shared.Credentials")
                .should(readCredentials(root))
                .because("only the ..security.. packages of adapters-http and adapters-mcp (and the shared edge's"
                        + " Credentials) read credentials");
    }

    static ArchRule secretsRedactToString(String root) {
        return classes().that().implement(root + ".domain.shared.Secret")
                .and().areNotInterfaces()
                .should(declareRedactingToString(root))
                .because("secrets must never reach a log line or a response through toString()");
    }

    /** Controllers and MCP tools talk to incoming ports, never to service classes directly. */
    static ArchRule inboundAdaptersUseIncomingPortsOnly(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapters.http..", root + ".adapters.mcp..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "application classes outside port.in (other than an outgoing side's failure)",
                        (JavaClass c) -> c.getPackageName().startsWith(root + ".application.")
                                && !c.getPackageName().contains(".port.in") && !isFailure(c)))
                .because("inbound adapters call use cases through their incoming ports");
    }

    /** The admin plane has one door: the controllers of adapters-http's admin package (and start-up wiring). */
    static ArchRule onlyAdminControllersCallAdminUseCases(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapters..")
                .and().resideOutsideOfPackage(root + ".adapters.http.admin..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.admin.port.in..")
                .because("admin use cases are reached only through the admin controllers, which every review of"
                        + " the admin plane can then read in one place");
    }

    /**
     * The upstream proxy ({@code adapters.mcp.upstream}: /servers/<name>/mcp, issue 14) and the gateway's own
     * MCP server (transport, protocol, server, tools) meet only in {@code adapters.mcp.security}: the proxy
     * relays other servers' messages and must not reach into our session or tool machinery, nor it into the proxy.
     */
    static ArchRule upstreamProxyStandsApart(String root) {
        String mcp = root + ".adapters.mcp.";
        String upstream = mcp + "upstream";
        String security = mcp + "security";
        return noClasses().that().resideInAPackage(root + ".adapters.mcp..")
                .should(new ArchCondition<>("cross the boundary of the upstream proxy") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        boolean inProxy = javaClass.getPackageName().startsWith(upstream);
                        javaClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                            String target = dependency.getTargetClass().getPackageName();
                            if (!target.startsWith(mcp) || target.startsWith(security)) {
                                return;
                            }
                            if (inProxy != target.startsWith(upstream)) {
                                events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .because("the upstream proxy and the gateway's own MCP server share only adapters.mcp.security");
    }

    /**
     * The shared edge ({@code adapters.http.shared}) is shared because it stands alone: it depends on no other
     * adapter code (not on the rest of adapters-http, not on adapters-mcp or adapters-persistence), so using
     * it never drags one adapter into another.
     */
    static ArchRule sharedEdgeStandsAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.http.shared..")
                .should().dependOnClassesThat(DescribedPredicate.describe("adapter code outside the shared edge",
                        (JavaClass c) -> c.getPackageName().startsWith(root + ".adapters.")
                                && !c.getPackageName().startsWith(root + ".adapters.http.shared")))
                .because("the shared edge of the inbound adapters depends on no other adapter package");
    }

    /** Who may use the shared edge: the two inbound adapters (and bootstrap, which builds its PublicUrl). */
    static ArchRule onlyInboundAdaptersUseSharedEdge(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".adapters.http..", root + ".adapters.mcp..",
                        root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapters.http.shared..")
                .because("the shared edge is for the inbound adapters adapters-http and adapters-mcp only");
    }

    static ArchRule inboundAdaptersNeverTouchOutgoingPorts(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapters.http..", root + ".adapters.mcp..")
                .should().dependOnClassesThat(outgoingPorts(root))
                .because("controllers and tools must not skip the use case to reach a store");
    }

    /**
     * Outgoing ports are marked by their package, as in buckpal: a domain context's {@code domain.<context>.port.out}
     * or, for infrastructure (transactions, rate limits, readiness), {@code application[.<context>].port.out}.
     * Every open interface of the domain is one (other than the Secret marker and the {@code Cases} an adapter
     * implements to consume a sealed result exhaustively), so none can hide among the value objects.
     */
    static ArchRule outgoingPortsLiveInPortOut(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .and(DescribedPredicate.describe("are open interfaces (not sealed, not Secret, not a sealed type's Cases)",
                        (JavaClass c) -> c.isInterface() && !c.getName().equals(root + ".domain.shared.Secret")
                                && !c.reflect().isSealed()
                                && !c.getEnclosingClass().map(enclosing -> enclosing.reflect().isSealed())
                                .orElse(false)))
                .should().resideInAPackage("..port.out..")
                .because("an outgoing port is marked by its package (port.out), not found by a heuristic");
    }

    /** Everything in a port.out package: the ports and their own records, except failures (StoreUnavailable). */
    private static DescribedPredicate<JavaClass> outgoingPorts(String root) {
        return DescribedPredicate.describe("outgoing ports (..port.out..)", (JavaClass c) ->
                c.getPackageName().startsWith(root + ".") && c.getPackageName().contains(".port.out")
                        && !isFailure(c));
    }

    /** An exception an outgoing adapter throws and an inbound adapter may turn into an answer (503). */
    private static boolean isFailure(JavaClass c) {
        return c.isAssignableTo(Throwable.class);
    }

    /** Reports each credential read as "satisfied", which {@code noClasses().should(...)} turns into a violation. */
    private static ArchCondition<JavaClass> readCredentials(String root) {
        String credential = root + ".application.auth.port.in.Credential";
        return new ArchCondition<>("read credentials from requests") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String method = call.getName();
                    boolean readsHeader = owner.startsWith("io.micronaut.http.")
                            && (method.equals("getAuthorization") || method.equals("getCookies")
                            || method.equals("getBasicAuth") || method.equals("getBearerAuth"));
                    if (readsHeader) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
                javaClass.getConstructorCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().isAssignableTo(credential))
                        .forEach(call -> events.add(SimpleConditionEvent.satisfied(call, call.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> declareRedactingToString(String root) {
        String secret = root + ".domain.shared.Secret";
        return new ArchCondition<>("declare a toString() that calls Secret.redacted") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<JavaMethod> toString = javaClass.tryGetMethod("toString");
                boolean redacts = toString.isPresent() && toString.get().getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().getName().equals(secret)
                                && call.getName().equals("redacted"));
                events.add(new SimpleConditionEvent(javaClass, redacts, javaClass.getName()
                        + (redacts ? " redacts" : " does not redact") + " its toString()"));
            }
        };
    }
}
