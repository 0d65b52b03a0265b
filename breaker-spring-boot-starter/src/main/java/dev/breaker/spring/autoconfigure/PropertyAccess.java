package dev.breaker.spring.autoconfigure;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/** Reads a {@link ProviderProperties} value by its kebab-case property name. */
final class PropertyAccess {

    private PropertyAccess() {
    }

    static boolean isSet(ProviderProperties properties, String kebabName) {
        String camel = camelCase(ConfigurationPropertyName.of(kebabName).toString());
        BeanWrapperImpl wrapper = new BeanWrapperImpl(properties);
        return wrapper.isReadableProperty(camel) && wrapper.getPropertyValue(camel) != null;
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
