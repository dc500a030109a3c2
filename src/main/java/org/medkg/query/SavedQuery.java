package org.medkg.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.medkg.store.Footprint;

/**
 * A SPARQL SELECT query saved as a {@code .rq} file in grlc's conventions: {@code #+ } decorator lines (YAML:
 * {@code summary}, {@code description}, {@code tags}, {@code defaults}, {@code enumerate}; and medkg's
 * {@code examples}, written as {@code defaults}, for API descriptions) and parameters
 * as variables named {@code ?_name} (required) or {@code ?__name} (optional), typed by a suffix.
 *
 * <p>medkg's {@code fragments} decorator names the parameters that are fragments of a name, each with the variable
 * of the entities so named ({@code - entity: ?entity}); the query holds {@code VALUES ?entity { UNDEF }} before the
 * pattern that reads the names and checks them with {@code CONTAINS}. As written, that placeholder lets every entity
 * through; a runner with a name index puts the index's candidates there instead ({@link #narrowed}), so the pattern
 * reads their names only, and the check keeps exactly the rows it would have kept.
 *
 * <p>The {@code date-range} decorator does the same for events by their dates ({@code - events: ?event},
 * {@code - from: from}, {@code - to: to}: the variable, and the parameters whose values' first and last days bound the
 * range); a runner with a date index puts there the events whose dates may overlap the range, and the query's own
 * comparison of the dates keeps its rows.
 *
 * <p>A page of the answer ({@link #paged}) is cut by {@code LIMIT}/{@code OFFSET} on the whole query, unless the
 * {@code page-by} decorator ({@code #+ page-by: ?event}) names the variable of the one ordered subquery that chooses
 * the answer's rows: the cut is made there, so that the labels and other lookups joined after it are read for the
 * page's rows only. Such a query must give one row of its answer per row of that subquery, in the subquery's order.
 * The query may hold copies of that subquery, where it needs the page's rows again (a table of the page's cities,
 * each city's labels read once): every copy is cut the same, so each holds the same rows.
 *
 * @param name        the file name without {@code .rq}
 * @param summary     one line on what the query answers
 * @param description more on how it answers, or the empty string
 * @param tags        grlc's grouping tags
 * @param parameters  the parameters, in the order of their names
 * @param fragments   by parameter name, the variable whose names that parameter is a fragment of (without '?')
 * @param dateRange   the events whose dates the query compares with a range of its parameters, if it declares them
 * @param pageBy      the variable (without '?') of the ordered subquery that chooses a page's rows, or empty to cut
 *                    the whole query
 * @param query       the parsed query (values are bound by substitution when it runs, never spliced in)
 */
public record SavedQuery(String name, String summary, String description, List<String> tags,
                         List<QueryParameter> parameters, Map<String, String> fragments,
                         Optional<DateRange> dateRange, Optional<String> pageBy, Query query) {

    /** grlc's parameter variables: one or two underscores, a name without underscores, up to two suffix parts. */
    private static final Pattern PARAMETER_VARIABLE =
            Pattern.compile("(_{1,2})([^_]+)(?:_([A-Za-z0-9]+))?(?:_([A-Za-z0-9]+))?.*");
    private static final Pattern VARIABLE = Pattern.compile("[?$]([A-Za-z0-9_]+)");
    private static final YAMLMapper YAML = new YAMLMapper();

    public SavedQuery {
        requireNonNull(name, "name");
        requireNonNull(summary, "summary");
        requireNonNull(description, "description");
        tags = List.copyOf(requireNonNull(tags, "tags"));
        parameters = List.copyOf(requireNonNull(parameters, "parameters"));
        fragments = Map.copyOf(requireNonNull(fragments, "fragments"));
        requireNonNull(dateRange, "dateRange");
        requireNonNull(pageBy, "pageBy");
        requireNonNull(query, "query");
    }

    /** What the query can read of a store: see {@link QueryFootprint}. */
    public Footprint footprint() {
        return QueryFootprint.of(query);
    }

    /**
     * Reads a saved query from the text of its file.
     *
     * @param name   the query's name
     * @param source what to call the file in error messages
     * @param text   the file's content
     */
    public static SavedQuery parse(String name, String source, String text) throws BadQueryException {
        Map<String, Object> decorators = decorators(source, text);
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new BadQueryException(source, "not valid SPARQL 1.1: " + e.getMessage(), e);
        }
        if (!query.isSelectType()) {
            throw new BadQueryException(source, "a saved query must be a SELECT query");
        }
        String summary = text(decorators.get("summary"));
        if (summary.isBlank()) {
            throw new BadQueryException(source, "no '#+ summary:' line");
        }
        List<String> tags = decorators.get("tags") instanceof List<?> list
                ? list.stream().map(SavedQuery::text).toList() : List.of();
        Map<String, Object> defaults = merged(source, "defaults", decorators.get("defaults"));
        Map<String, Object> enumerations = merged(source, "enumerate", decorators.get("enumerate"));
        Map<String, Object> examples = merged(source, "examples", decorators.get("examples"));
        List<QueryParameter> parameters = parameters(source, query, defaults, enumerations, examples);
        Set<String> placeholders = placeholders(query);
        Map<String, String> fragments = fragments(source, placeholders,
                merged(source, "fragments", decorators.get("fragments")), parameters);
        Optional<DateRange> dateRange = dateRange(source, placeholders,
                merged(source, "date-range", decorators.get("date-range")), parameters);
        Optional<String> pageBy = pageBy(source, query, decorators.get("page-by"));
        return new SavedQuery(name, summary, text(decorators.get("description")).strip(), tags, parameters, fragments,
                dateRange, pageBy, query);
    }

    /**
     * The query with the candidates of fragment parameters in their placeholders: by variable (without '?'), the
     * IRIs of the entities that may hold the fragment. A variable without candidates keeps its placeholder, which
     * lets every entity through.
     */
    public Query narrowed(Map<String, ? extends Collection<String>> candidates) {
        requireNonNull(candidates, "candidates");
        if (candidates.isEmpty()) {
            return query;
        }
        return QueryTransformOps.transform(query, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                Collection<String> entities = placeholderVariable(data).map(candidates::get).orElse(null);
                if (entities == null) {
                    return data;
                }
                Var variable = data.getVars().get(0);
                ElementData filled = new ElementData();
                filled.add(variable);
                entities.stream().sorted().forEach(entity ->
                        filled.add(BindingFactory.binding(variable, NodeFactory.createURI(entity))));
                return filled;
            }
        });
    }

    /**
     * The query (as given, perhaps {@link #narrowed}) cut to a page, with one row more than the page holds, so that
     * the runner can tell whether a next page has rows: in the {@code page-by} subquery (and each copy of it) when
     * the query names one, else as a whole.
     */
    public Query paged(Query whole, Page page) {
        requireNonNull(page, "page");
        // a copy down to every subquery's Query object, so that the cut never reaches the saved query
        Query copy = QueryTransformOps.transform(whole, new ElementTransformCopyBase(true));
        if (pageBy.isEmpty()) {
            cut(copy, page);
        } else {
            subqueries(copy).stream().filter(q -> choosesPage(q, pageBy.get())).forEach(chooser -> cut(chooser, page));
        }
        return copy;
    }

    /**
     * The {@code page-by} subquery alone, cut to the page as {@link #paged} cuts it, to be run first: its rows then
     * take its place and its copies' ({@link #withPageRows}), so that a query that needs the page's rows twice (a
     * table of their cities) chooses them once. Empty when the query names no {@code page-by}, or when a copy is
     * neither in a group nor the whole of an {@code OPTIONAL} (a branch of a {@code UNION}, the whole pattern of a
     * {@code GRAPH}): such a query is run {@link #paged}.
     */
    public Optional<Query> pageChooser(Query whole, Page page) {
        requireNonNull(page, "page");
        if (pageBy.isEmpty() || subqueries(replacingPageChoosers(whole, new ElementData())).stream()
                .anyMatch(q -> choosesPage(q, pageBy.get()))) {
            return Optional.empty();
        }
        return subqueries(whole).stream().filter(q -> choosesPage(q, pageBy.get())).findFirst().map(chooser -> {
            Query copy = QueryTransformOps.transform(chooser, new ElementTransformCopyBase(true));
            copy.setPrefixMapping(whole.getPrefixMapping());
            cut(copy, page);
            return copy;
        });
    }

    /**
     * The query with the rows its {@link #pageChooser} gave in place of that subquery and of each copy of it: a
     * {@code VALUES} table of the variables it selects, which joins as the subquery did.
     */
    public Query withPageRows(Query whole, List<Var> variables, List<Binding> rows) {
        ElementData table = new ElementData();
        variables.forEach(table::add);
        rows.forEach(table::add);
        return replacingPageChoosers(whole, table);
    }

    private Query replacingPageChoosers(Query whole, Element replacement) {
        String variable = pageBy.orElseThrow(() -> new IllegalStateException(name + " names no page-by"));
        UnaryOperator<Element> replaced = element -> element instanceof ElementSubQuery subquery
                && choosesPage(subquery.getQuery(), variable) ? replacement : element;
        // Jena hands a subquery to no transform of its own, only to the element around it
        return QueryTransformOps.transform(whole, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementGroup group, List<Element> members) {
                ElementGroup copy = new ElementGroup();
                members.stream().map(replaced).forEach(copy::addElement);
                return copy;
            }

            @Override
            public Element transform(ElementOptional optional, Element member) {
                return new ElementOptional(replaced.apply(member));
            }
        });
    }

    /** The page within what the query gives: a query's own LIMIT (the 50 most connected) still bounds its pages. */
    private static void cut(Query query, Page page) {
        long limit = page.size() + 1L;
        if (query.hasLimit()) {
            limit = Math.max(0, Math.min(limit, query.getLimit() - page.offset()));
        }
        long offset = (query.hasOffset() ? query.getOffset() : 0) + page.offset();
        if (offset > 0) {
            query.setOffset(offset);
        }
        query.setLimit(limit);
    }

    /** The parameter of that name, if the query has one. */
    public Optional<QueryParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /**
     * The terms to substitute for the parameter variables: the values given (by parameter name), then the
     * defaults. A parameter the query does not have, a value that does not fit its type or a required
     * parameter without a value is an error.
     */
    public Map<String, Node> bind(Map<String, String> values) throws BadParameterException {
        for (String given : new TreeSet<>(values.keySet())) {
            if (parameter(given).isEmpty()) {
                throw new BadParameterException(name, given, "no parameter '" + given + "'"
                        + (parameters.isEmpty() ? " (it has none)" : "; it has: " + String.join(", ",
                                parameters.stream().map(QueryParameter::name).toList())));
            }
        }
        Map<String, Node> bound = new LinkedHashMap<>();
        for (QueryParameter parameter : parameters) {
            String value = values.getOrDefault(parameter.name(), parameter.defaultValue());
            if (value == null) {
                if (parameter.required()) {
                    throw new BadParameterException(name, parameter.name(),
                            "parameter '" + parameter.name() + "' is required: " + parameter.describe());
                }
                continue;
            }
            try {
                bound.put(parameter.variable(), parameter.toNode(value));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(name, parameter.name(), "parameter '" + parameter.name() + "': "
                        + e.getMessage());
            }
        }
        return Map.copyOf(bound);
    }

    /** The YAML of the {@code #+} lines (grlc strips every leading '#' and '+'). */
    private static Map<String, Object> decorators(String source, String text) throws BadQueryException {
        StringBuilder yaml = new StringBuilder();
        text.lines().filter(line -> line.startsWith("#+"))
                .forEach(line -> yaml.append(line.replaceFirst("^[#+]+", "")).append('\n'));
        if (yaml.isEmpty()) {
            return Map.of();
        }
        try {
            Object parsed = YAML.readValue(yaml.toString(), Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Map<String, Object> result = new LinkedHashMap<>();
                map.forEach((key, value) -> result.put(String.valueOf(key), value));
                return result;
            }
            throw new BadQueryException(source, "the '#+' lines are not a YAML mapping");
        } catch (JsonProcessingException e) {
            throw new BadQueryException(source, "the '#+' lines are not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** grlc writes defaults and enumerations as a list of one-key mappings; one map of them all. */
    private static Map<String, Object> merged(String source, String decorator, Object value) throws BadQueryException {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            throw new BadQueryException(source, "'#+ " + decorator + ":' must be a list of 'name: value' entries");
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new BadQueryException(source, "'#+ " + decorator + ":' entry is not 'name: value': " + entry);
            }
            map.forEach((key, v) -> result.put(String.valueOf(key), v));
        }
        return result;
    }

    private static List<QueryParameter> parameters(String source, Query query, Map<String, Object> defaults,
                                                   Map<String, Object> enumerations, Map<String, Object> examples)
            throws BadQueryException {
        // the serialized query has no comments, so only variables the query really uses are found
        Matcher variables = VARIABLE.matcher(query.serialize());
        Map<String, QueryParameter> byName = new TreeMap<>();
        while (variables.find()) {
            String variable = variables.group(1);
            Matcher declared = PARAMETER_VARIABLE.matcher(variable);
            if (!declared.matches()) {
                continue;
            }
            String parameterName = declared.group(2);
            ParameterType type;
            try {
                type = ParameterType.fromSuffix(declared.group(3), declared.group(4), query.getPrefixMapping());
            } catch (IllegalArgumentException e) {
                throw new BadQueryException(source, "?" + variable + ": " + e.getMessage());
            }
            List<String> allowed = enumerations.get(parameterName) instanceof List<?> list
                    ? list.stream().map(SavedQuery::text).toList() : List.of();
            String defaultValue = defaults.containsKey(parameterName) ? text(defaults.get(parameterName)) : null;
            String example = examples.containsKey(parameterName) ? text(examples.get(parameterName))
                    : defaultValue != null ? defaultValue : allowed.isEmpty() ? null : allowed.get(0);
            QueryParameter parameter = new QueryParameter(parameterName, variable, type,
                    declared.group(1).length() == 1, defaultValue, allowed, example);
            QueryParameter earlier = byName.putIfAbsent(parameterName, parameter);
            if (earlier != null && !earlier.variable().equals(variable)) {
                throw new BadQueryException(source, "parameter '" + parameterName + "' is declared twice: ?"
                        + earlier.variable() + " and ?" + variable);
            }
            checkFits(source, "default", parameter, parameter.defaultValue());
            checkFits(source, "example", parameter, parameter.example());
        }
        checkDeclared(source, "default", defaults, byName);
        checkDeclared(source, "example", examples, byName);
        return new ArrayList<>(byName.values());
    }

    /**
     * The events of a {@code date-range}: the variable (without '?') whose placeholder takes them, and the parameters
     * whose values' first day ({@code from}) and last day ({@code to}) bound the range (one parameter may give both:
     * a year).
     */
    public record DateRange(String events, String from, String to) {
        public DateRange {
            requireNonNull(events, "events");
            requireNonNull(from, "from");
            requireNonNull(to, "to");
        }
    }

    /** The variables of every {@code VALUES ?variable { UNDEF }} placeholder of the query. */
    private static Set<String> placeholders(Query query) {
        Set<String> placeholders = new TreeSet<>();
        QueryTransformOps.transform(query, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                placeholderVariable(data).ifPresent(placeholders::add);
                return data;
            }
        });
        return placeholders;
    }

    /**
     * The {@code fragments} decorator, checked: each a parameter, with a variable that has a placeholder (or several,
     * where a query reads the same entities twice: each is given the candidates).
     */
    private static Map<String, String> fragments(String source, Set<String> placeholders, Map<String, Object> declared,
                                                 List<QueryParameter> parameters) throws BadQueryException {
        checkDeclared(source, "fragment", declared, byName(parameters));
        Map<String, String> fragments = new LinkedHashMap<>();
        for (Map.Entry<String, Object> fragment : declared.entrySet()) {
            fragments.put(fragment.getKey(), placeholderOf(source, "fragment '" + fragment.getKey() + "'",
                    "entities named", fragment.getValue(), placeholders));
        }
        return fragments;
    }

    /** The {@code date-range} decorator, checked: a variable with a placeholder, and two parameters. */
    private static Optional<DateRange> dateRange(String source, Set<String> placeholders, Map<String, Object> declared,
                                                 List<QueryParameter> parameters) throws BadQueryException {
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Set<String> known = Set.of("events", "from", "to");
        for (String key : declared.keySet()) {
            if (!known.contains(key)) {
                throw new BadQueryException(source, "date-range: '" + key + "' is none of events, from, to");
            }
        }
        Map<String, QueryParameter> byName = byName(parameters);
        for (String bound : List.of("from", "to")) {
            String parameter = text(declared.get(bound));
            if (!byName.containsKey(parameter)) {
                throw new BadQueryException(source, "date-range: '" + bound + "' must name a parameter, not '"
                        + parameter + "'");
            }
        }
        String events = placeholderOf(source, "date-range", "events dated", declared.get("events"), placeholders);
        return Optional.of(new DateRange(events, text(declared.get("from")), text(declared.get("to"))));
    }

    /** A decorator's {@code ?variable}, checked to have a placeholder; without its '?'. */
    private static String placeholderOf(String source, String decorator, String what, Object declared,
                                        Set<String> placeholders) throws BadQueryException {
        String variable = text(declared);
        if (!variable.startsWith("?")) {
            throw new BadQueryException(source, decorator + ": give the variable of the " + what + ", as ?name, not '"
                    + variable + "'");
        }
        variable = variable.substring(1);
        if (!placeholders.contains(variable)) {
            throw new BadQueryException(source, decorator + ": the query must hold VALUES ?" + variable
                    + " { UNDEF }, where the candidates go");
        }
        return variable;
    }

    private static Map<String, QueryParameter> byName(List<QueryParameter> parameters) {
        Map<String, QueryParameter> byName = new TreeMap<>();
        parameters.forEach(parameter -> byName.put(parameter.name(), parameter));
        return byName;
    }

    /** The {@code page-by} decorator, checked: a variable that one ordered subquery (perhaps copied) selects. */
    private static Optional<String> pageBy(String source, Query query, Object declared) throws BadQueryException {
        if (declared == null) {
            return Optional.empty();
        }
        String variable = text(declared);
        if (!variable.startsWith("?")) {
            throw new BadQueryException(source, "page-by: give the variable of the subquery that chooses a page's "
                    + "rows, as ?name, not '" + variable + "'");
        }
        String name = variable.substring(1);
        long choosing = subqueries(query).stream().filter(q -> choosesPage(q, name)).distinct().count();
        if (choosing != 1) {
            throw new BadQueryException(source, "page-by: the query must hold one subquery that selects ?" + name
                    + " with an ORDER BY and no LIMIT (copies of it are cut the same); it holds " + choosing);
        }
        return Optional.of(name);
    }

    /** Every subquery, however deep. */
    private static List<Query> subqueries(Query query) {
        List<Query> found = new ArrayList<>();
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery subquery) {
                found.add(subquery.getQuery());
                found.addAll(subqueries(subquery.getQuery()));
            }
        });
        return found;
    }

    /** Whether a subquery is the one that chooses a page's rows: it selects the variable, in an order, uncut. */
    private static boolean choosesPage(Query subquery, String variable) {
        return subquery.hasOrderBy() && !subquery.hasLimit() && !subquery.hasOffset()
                && subquery.getProjectVars().contains(Var.alloc(variable));
    }

    /** The variable of a {@code VALUES ?variable { UNDEF }} placeholder, or empty for any other VALUES. */
    private static Optional<String> placeholderVariable(ElementData data) {
        return data.getVars().size() == 1 && data.getRows().size() == 1 && data.getRows().get(0).isEmpty()
                ? Optional.of(data.getVars().get(0).getVarName()) : Optional.empty();
    }

    private static void checkFits(String source, String what, QueryParameter parameter, String value)
            throws BadQueryException {
        if (value == null) {
            return;
        }
        try {
            parameter.toNode(value);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(source, what + " of '" + parameter.name() + "': " + e.getMessage());
        }
    }

    private static void checkDeclared(String source, String what, Map<String, Object> values,
                                      Map<String, QueryParameter> parameters) throws BadQueryException {
        for (String name : values.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new BadQueryException(source, what + " given for '" + name + "', which is not a parameter");
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
