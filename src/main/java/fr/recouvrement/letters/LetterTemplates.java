package fr.recouvrement.letters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The FreeMarker templates of e-mails ({@code mail/*.ftlh}) and letters ({@code letters/*.ftlh}): those of the
 * configured override folder first, then the packaged ones. {@code .ftlh} escapes every value as HTML, so a debtor's
 * name can never inject markup. A template may set {@code subject}, the e-mail's subject line.
 */
@Component
public class LetterTemplates {

    /** What a template produced: the HTML, and the subject it set (null when it sets none). */
    public record Rendered(String html, String subject) {
    }

    private final Configuration freemarker;

    public LetterTemplates(LetterProperties properties) {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (StringUtils.hasText(properties.templateDirectory())) {
            File directory = new File(properties.templateDirectory());
            if (!directory.isDirectory()) {
                throw new IllegalStateException("recouvrement.letters.template-directory n'est pas un dossier : "
                        + directory.getAbsolutePath());
            }
            try {
                loaders.add(new FileTemplateLoader(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(LetterTemplates.class, "/templates"));
        freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.FRANCE);
        freemarker.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        // Templates are edited outside the code (the override folder): ?new may not instantiate any Java class, which
        // would let a template run commands on the server.
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    public Rendered render(String name, Map<String, ?> model) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            Environment environment = template.createProcessingEnvironment(model, out);
            environment.process();
            TemplateModel subject = environment.getVariable("subject");
            return new Rendered(out.toString(), subject == null ? null : subject.toString().strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Modèle " + name + " illisible", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Modèle " + name + " : " + e.getMessage(), e);
        }
    }
}
