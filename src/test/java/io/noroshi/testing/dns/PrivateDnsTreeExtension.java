package io.noroshi.testing.dns;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a {@link PrivateDnsTree} to test constructors and methods. One tree serves the whole test run:
 * it lives in the root store, which closes it (servers, namespaces, bridge) when the run ends, failed or not.
 */
public final class PrivateDnsTreeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(PrivateDnsTreeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivateDnsTree.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(STORE).computeIfAbsent(PrivateDnsTree.class, k -> PrivateDnsTree.start(), PrivateDnsTree.class);
    }
}
