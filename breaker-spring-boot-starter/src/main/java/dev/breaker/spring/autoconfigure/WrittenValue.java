package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.provider.DurationText;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * A property's value as the user wrote it ({@code -5s}, not the {@code PT-5S} it was bound to), and where.
 * Failure reports quote it, so the user recognises their own line.
 *
 * @param text the value as written, else the bound value with durations as {@link DurationText} writes them
 * @param origin the file and line (or argument) that set it, or null
 */
record WrittenValue(String text, Origin origin) {

    /** Looks the property up in the environment; falls back to the bound value when it is not found there. */
    static WrittenValue of(Environment environment, String property, Object bound) {
        ConfigurationPropertyName name = ConfigurationPropertyName.isValid(property)
                ? ConfigurationPropertyName.of(property) : ConfigurationPropertyName.adapt(property, '.');
        if (environment != null) {
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty written = source.getConfigurationProperty(name);
                if (written != null && written.getValue() != null) {
                    return new WrittenValue(written.getValue().toString(), written.getOrigin());
                }
            }
        }
        return new WrittenValue(DurationText.value(bound), null);
    }
}
