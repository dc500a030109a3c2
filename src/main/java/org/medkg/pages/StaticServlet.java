package org.medkg.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The pages' CSS and scripts from the classpath, under {@code /static/}: the site's own files
 * ({@code org/medkg/pages/static/}) and CodeMirror 5 from its webjar ({@code /static/codemirror/…}), so the editor
 * works on a machine without internet. Only plain relative paths of known file types are served.
 */
public final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String OWN = "org/medkg/pages/static/";
    static final String CODEMIRROR_PREFIX = "codemirror/";
    private static final String CODEMIRROR_POM = "META-INF/maven/org.webjars.npm/codemirror/pom.properties";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final String codemirrorRoot = "META-INF/resources/webjars/codemirror/" + codemirrorVersion() + "/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || !CONTENT_TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String resource = path.startsWith(CODEMIRROR_PREFIX)
                ? codemirrorRoot + path.substring(CODEMIRROR_PREFIX.length()) : OWN + path;
        try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(CONTENT_TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("X-Content-Type-Options", "nosniff");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    /** The webjar's version, which names its folder; a missing webjar is a packaging bug. */
    private static String codemirrorVersion() {
        try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(CODEMIRROR_POM)) {
            if (in == null) {
                throw new IllegalStateException("medkg: CodeMirror webjar missing from the classpath: " + CODEMIRROR_POM);
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("medkg: cannot read " + CODEMIRROR_POM, e);
        }
    }
}
