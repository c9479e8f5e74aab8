package com.salesai.localstack;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of {@code ./run-local} after the script's own {@code --skip-build}: analyze with the fake OpenAI, and
 * which services to leave out so a developer starts them by hand (from the IDE, a debugger, a patched build).
 */
record StackArgs(boolean fakeOpenAi, Set<StackService> except) {
    static final String USAGE = "usage: ./run-local [--skip-build] [--fake-openai] [--except <service>]..., <service>"
            + " one of " + Arrays.stream(StackService.values()).map(StackService::processName)
            .collect(Collectors.joining(", "));

    static StackArgs parse(String... args) {
        boolean fakeOpenAi = false;
        Set<StackService> except = EnumSet.noneOf(StackService.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fake-openai" -> fakeOpenAi = true;
                case "--except" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException("--except needs a service; " + USAGE);
                    }
                    except.add(service(args[i]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return new StackArgs(fakeOpenAi, Collections.unmodifiableSet(except));
    }

    private static StackService service(String name) {
        return Arrays.stream(StackService.values()).filter(s -> s.processName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + "; " + USAGE));
    }
}
