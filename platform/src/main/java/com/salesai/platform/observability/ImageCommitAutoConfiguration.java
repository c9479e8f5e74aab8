package com.salesai.platform.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.Properties;

/**
 * The commit on {@code /actuator/info} of a service run from its image: the image is built without {@code .git}
 * (so the jar's {@code git.properties} names no commit) and is given it as the {@value #VARIABLE} build argument,
 * which the Dockerfile keeps as an environment variable. Set, it is the commit shown; unset, Boot reads
 * {@code git.properties} as usual, and shows none when there is none.
 */
@AutoConfiguration(before = ProjectInfoAutoConfiguration.class)
@ConditionalOnExpression("'${" + ImageCommitAutoConfiguration.VARIABLE + ":}'.trim() != ''")
public class ImageCommitAutoConfiguration {
    static final String VARIABLE = "GIT_COMMIT";

    @Bean
    GitProperties gitProperties(Environment environment) {
        Properties commit = new Properties();
        commit.setProperty("commit.id", environment.getRequiredProperty(VARIABLE).strip());
        return new GitProperties(commit);
    }
}
