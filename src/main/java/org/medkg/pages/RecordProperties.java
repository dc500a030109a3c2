package org.medkg.pages;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads the views' records for the templates' expressions ({@code ${row.entity.href}}, {@code ${row.event}}): a
 * property is the record's public method of that name without parameters (its components' accessors and methods
 * such as {@code FactRow.event()}), looked up once per record class. OGNL, Thymeleaf's expression language, looks
 * for a bean getter ({@code getHref}) first, and a record has none, so for every such read it fell back to scanning
 * all the methods of the class by name, uncached: some 40% of the time of a hub's page, whose rows hold some 1,400
 * links. Any other name is read as OGNL reads any object.
 */
final class RecordProperties extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> methods = new HashMap<>();
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && method.getParameterCount() == 0
                        && method.getReturnType() != void.class && !method.isSynthetic()) {
                    methods.put(method.getName(), method);
                }
            }
            return Map.copyOf(methods);
        }
    };

    private RecordProperties() {
    }

    /** For every record, in this JVM: OGNL keeps its property accessors per class, for the whole process. */
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method method = name instanceof String property ? METHODS.get(target.getClass()).get(property) : null;
        if (method == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name + " of " + target.getClass().getName(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new OgnlException(name + " of " + target.getClass().getName(), e);
        }
    }
}
