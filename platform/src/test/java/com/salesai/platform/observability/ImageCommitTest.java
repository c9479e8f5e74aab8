package com.salesai.platform.observability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.info.GitInfoContributor;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /actuator/info of a service run from its image (GIT_COMMIT given to the build) names the commit. */
class ImageCommitTest {
    private static final String COMMIT = "a23a641e0c7b1f2d3e4f5a6b7c8d9e0f1a2b3c4d";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ImageCommitAutoConfiguration.class,
                    ProjectInfoAutoConfiguration.class, InfoContributorAutoConfiguration.class))
            .withPropertyValues("management.info.git.mode=simple");

    @Test
    void theImagesCommitIsShownAbbreviated() {
        service.withPropertyValues("GIT_COMMIT=" + COMMIT).run(context -> {
            Info.Builder info = new Info.Builder();
            context.getBean(GitInfoContributor.class).contribute(info);
            Map<String, Object> details = info.build().getDetails();
            assertThat(details).extractingByKey("git").asString().contains("id=a23a641");
        });
    }

    @Test
    void withoutOneAndWithoutGitPropertiesNoCommitIsShown() {
        service.withPropertyValues("GIT_COMMIT= ").run(context ->
                assertThat(context).doesNotHaveBean(GitInfoContributor.class));
    }
}
