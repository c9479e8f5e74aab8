package com.salesai.localstack;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the stack prints for a service left out with {@code --except}: the environment the stack would have given
 * it, so the developer starts it against the running stack, from the IDE or from its jar.
 */
final class StartByHand {
    private StartByHand() {
    }

    static String render(StackConfig config, StackService service, Map<String, String> environment) {
        Map<String, String> sorted = new TreeMap<>(environment);
        sorted.put("SERVER_PORT", String.valueOf(config.port(service)));
        StringBuilder out = new StringBuilder("\n=== ").append(service.processName())
                .append(" is not started (--except): start it by hand on ").append(config.url(service))
                .append(" ===\nWith this environment (the stack's dev values, kept in its data folder):\n");
        sorted.forEach((name, value) -> out.append("  export ").append(name).append('=').append(value).append('\n'));
        out.append("then run ").append(service.mainClass())
                .append(" (in the IDE: these variables in its run configuration), or\n  java -jar ")
                .append(service.jar()).append('\n');
        out.append("Not its Test…Application: that one brings its own broker and database.\n");
        return out.toString();
    }
}
