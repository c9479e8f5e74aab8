package com.salesai.devidp.users;

import com.salesai.devidp.DevIdpProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The seeded users. One signs in with their short name ({@code hugo}) and is, once signed in, their {@code sub}
 * ({@code head-hugo}): the principal's name is the subject of their tokens, which OIDC logout compares with the
 * {@code id_token_hint}.
 */
public final class SeededUsers implements UserDetailsService {
    private final Map<String, DevIdpProperties.User> byUsername;
    private final Map<String, DevIdpProperties.User> bySub;
    private final String encodedPassword;

    public SeededUsers(List<DevIdpProperties.User> users, String password, PasswordEncoder encoder) {
        this.byUsername = users.stream().collect(Collectors.toUnmodifiableMap(DevIdpProperties.User::username,
                Function.identity()));
        this.bySub = users.stream().collect(Collectors.toUnmodifiableMap(DevIdpProperties.User::sub,
                Function.identity()));
        this.encodedPassword = encoder.encode(password);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DevIdpProperties.User user = byUsername.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no seeded user");
        }
        return User.withUsername(user.sub()).password(encodedPassword).roles(user.orgRole()).build();
    }

    /** The signed-in user behind a token's subject. */
    public Optional<DevIdpProperties.User> bySub(String sub) {
        return Optional.ofNullable(bySub.get(sub));
    }
}
