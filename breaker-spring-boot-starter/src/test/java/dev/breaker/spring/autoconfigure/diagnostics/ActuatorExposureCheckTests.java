package dev.breaker.spring.autoconfigure.diagnostics;

import dev.breaker.spring.autoconfigure.BreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ActuatorExposureCheckTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class,
                    BreakerDiagnosticsAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=health,circuitbreakers");

    @Test
    void namesTheActuatorStarterWhenTheEndpointIsExposedWithoutActuator(CapturedOutput output) {
        contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("management.endpoints.web.exposure.include names 'circuitbreakers', but "
                    + "Spring Boot Actuator is not on the class path")
                    .contains("add org.springframework.boot:spring-boot-starter-actuator");
        });
    }

    @Test
    void saysNothingWhenActuatorIsThere(CapturedOutput output) {
        contextRunner.run(context -> assertThat(output).doesNotContain("Spring Boot Actuator is not on the class path"));
    }

    @Test
    void saysNothingWhenTheEndpointIsNotExposed(CapturedOutput output) {
        contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(output).doesNotContain("Spring Boot Actuator is not on the class path"));
    }
}
