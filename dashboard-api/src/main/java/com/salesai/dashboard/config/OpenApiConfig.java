package com.salesai.dashboard.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document frontend teams code against: every API operation needs the bearer JWT. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearerJwt";

    @Bean
    OpenAPI dashboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("dashboard-api").version("v1")
                        .description("Call records, dashboard summary and live status changes. Claims: sub, org_id, "
                                + "org_role (member|head_of_sales|admin), name, email. Members see their own calls; "
                                + "head_of_sales/admin their organization; other organizations' calls are 404."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
