package com.salesai.analysis.pipeline;

import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.salesai.analysis.llm.InvalidModelAnswerException;
import com.salesai.platform.kafka.NotRetryableExceptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class NotRetryableConfig {
    /**
     * Errors a retry cannot fix, recovered at once: OpenAI's bad key, no access, bad request, unknown model; and an
     * answer still invalid after the sales coach's own second request (another delivery would pay for both again).
     */
    static final NotRetryableExceptions ANALYSIS_ERRORS = new NotRetryableExceptions(List.of(
            UnauthorizedException.class, PermissionDeniedException.class, BadRequestException.class,
            NotFoundException.class, InvalidModelAnswerException.class));

    @Bean
    NotRetryableExceptions analysisNotRetryable() {
        return ANALYSIS_ERRORS;
    }
}
