package org.medkg.pages;

import java.io.Writer;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.medkg.lang.Language;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The pages' Thymeleaf templates ({@code src/main/resources/org/medkg/pages/*.html}) and their messages
 * ({@code messages.properties}, English, with {@code _ru} and {@code _kk}). Templates print data only with
 * {@code th:text} and attribute setters, which escape it. Every bundle is loaded at construction, so a missing
 * one fails when the server starts, not on a reader's first page.
 */
public final class Templates {
    static final String FOLDER = "org/medkg/pages/";
    static final String MESSAGES = "org.medkg.pages.messages";

    static {
        RecordProperties.register();
    }

    private final TemplateEngine engine = new TemplateEngine();

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix(FOLDER);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessages());
    }

    /** Renders {@code template}.html in the language with these variables. */
    public void render(String template, PageLanguage language, Map<String, Object> variables, Writer out) {
        engine.process(template, new Context(language.locale(), variables), out);
    }

    /** The message bundle of a language: English is the base bundle, the others override every key. */
    static ResourceBundle bundle(Language language) {
        // No fallback to the JVM's default locale: an English page must not come out in the server's language.
        return ResourceBundle.getBundle(MESSAGES, Locale.forLanguageTag(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Resolves {@code #{key}} from the bundle of the page's language. */
    private static final class BundleMessages implements IMessageResolver {
        private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

        BundleMessages() {
            for (Language language : Language.values()) {
                bundles.put(language, bundle(language));
            }
        }

        @Override
        public String getName() {
            return "medkg-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            ResourceBundle bundle = bundles.get(Language.fromCode(context.getLocale().getLanguage()));
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException missing) {
                return null;
            }
            return parameters == null || parameters.length == 0 ? pattern
                    : new MessageFormat(pattern, context.getLocale()).format(parameters);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] parameters) {
            return "??" + key + "_" + context.getLocale().getLanguage() + "??";
        }
    }
}
