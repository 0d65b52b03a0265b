package dev.breaker.spring.it.aop;

import dev.breaker.spring.ProviderBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class MisusedAnnotationStartUpTest {

    @Test
    void reportsAnUnknownProviderWithTheMethodAndTheFix(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MisusedApp.class)
                .web(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--breaker.providers.anthropic.failure-threshold=5"));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Method: Billing.charge(String)")
                .contains("Problem: provider 'antropic' is not configured (configured providers: [anthropic])")
                .contains("Configure it under breaker.providers.antropic");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MisusedApp {

        @Bean
        Billing billing() {
            return new Billing();
        }
    }

    public static class Billing {

        @ProviderBreaker(value = "antropic", key = "#account")
        public String charge(String account) {
            return account;
        }
    }
}
