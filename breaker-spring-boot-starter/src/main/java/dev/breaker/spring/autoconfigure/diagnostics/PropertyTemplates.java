package dev.breaker.spring.autoconfigure.diagnostics;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.core.ResolvableType;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every property name that a {@code @ConfigurationProperties} class can bind, read from the class itself:
 * {@code breaker.providers.*.open-duration}, with {@code *} standing for a map key. Nested classes are
 * followed; values (strings, numbers, durations, enums, lists) end a name.
 */
final class PropertyTemplates {

    static final String MAP_KEY = "*";

    private PropertyTemplates() {
    }

    static List<String> of(String prefix, Class<?> type) {
        List<String> templates = new ArrayList<>();
        collect(prefix, ResolvableType.forClass(type), templates, 0);
        return templates;
    }

    private static void collect(String prefix, ResolvableType type, List<String> into, int depth) {
        Class<?> raw = type.resolve(Object.class);
        if (Map.class.isAssignableFrom(raw) && depth <= 8) {
            collect(prefix + "." + MAP_KEY, type.asMap().getGeneric(1), into, depth + 1);
            return;
        }
        if (depth > 8 || isValue(raw)) {
            into.add(prefix);
            return;
        }
        for (Property property : properties(raw)) {
            collect(prefix + "." + DataObjectPropertyName.toDashedForm(property.name()), property.type(), into, depth + 1);
        }
    }

    private static List<Property> properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(new Property(component.getName(), ResolvableType.forType(component.getGenericType())));
            }
            return properties;
        }
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() != null && !"class".equals(descriptor.getName())) {
                properties.add(new Property(descriptor.getName(), ResolvableType.forMethodReturnType(descriptor.getReadMethod())));
            }
        }
        return properties;
    }

    /** Whether a type is bound from one property (or an indexed list of them) rather than followed. */
    private static boolean isValue(Class<?> type) {
        return BeanUtils.isSimpleValueType(type) || type.isArray() || Collection.class.isAssignableFrom(type)
                || type == Duration.class || type == Period.class || type.getName().startsWith("java.")
                || type.getName().startsWith("org.springframework.util.unit.") || type == Object.class;
    }

    private record Property(String name, ResolvableType type) {
    }
}
