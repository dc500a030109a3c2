package org.medkg.query;

import static java.util.Objects.requireNonNull;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.shared.PrefixMapping;

/**
 * The RDF term a parameter value becomes, read from the grlc suffix of the parameter's variable:
 * none, {@code string} or {@code literal} (a language-less string), {@code iri}, {@code number}, an XSD
 * datatype name ({@code integer}, {@code date}…), a two-letter language ({@code en}) or a prefixed
 * datatype ({@code xsd_date}, {@code xsd_integer}).
 *
 * @param kind     how the value is turned into a term
 * @param datatype for {@link Kind#TYPED}, the datatype that also checks the value; otherwise null
 * @param language for {@link Kind#LANGUAGE}, the language tag; otherwise null
 * @param label    how the type is shown to users ({@code xsd:integer}, {@code iri}, {@code @en}…)
 */
public record ParameterType(Kind kind, RDFDatatype datatype, String language, String label) {

    public enum Kind { STRING, IRI, NUMBER, TYPED, LANGUAGE }

    public static final ParameterType STRING = new ParameterType(Kind.STRING, null, null, "string");
    public static final ParameterType IRI = new ParameterType(Kind.IRI, null, null, "iri");
    public static final ParameterType NUMBER = new ParameterType(Kind.NUMBER, null, null, "number");

    private static final String XSD = XSDDatatype.XSD + "#";

    public ParameterType {
        requireNonNull(kind, "kind");
        requireNonNull(label, "label");
        if (kind == Kind.TYPED) {
            requireNonNull(datatype, "datatype");
        }
        if (kind == Kind.LANGUAGE) {
            requireNonNull(language, "language");
        }
    }

    /**
     * The type named by grlc's suffix parts of a variable ({@code ?_year_xsd_integer}: "xsd", "integer").
     *
     * @param suffix      the first part after the name, or null
     * @param userDefined the second part, or null
     * @param prefixes    the query's prefixes, to resolve {@code prefix_datatype}
     * @throws IllegalArgumentException when the suffix names an unknown prefix or datatype
     */
    public static ParameterType fromSuffix(String suffix, String userDefined, PrefixMapping prefixes) {
        if (suffix == null) {
            return STRING;
        }
        switch (suffix) {
            case "string", "literal":
                return STRING;
            case "iri":
                return IRI;
            case "number":
                return NUMBER;
            default:
                break;
        }
        RDFDatatype xsdType = TypeMapper.getInstance().getTypeByName(XSD + suffix);
        if (xsdType != null) {
            return typed(xsdType, "xsd:" + suffix);
        }
        if (suffix.length() == 2) {
            return new ParameterType(Kind.LANGUAGE, null, suffix, "@" + suffix);
        }
        if (userDefined == null) {
            return STRING;
        }
        // grlc adds the xsd prefix when a query uses it without declaring it
        String namespace = suffix.equals("xsd") && prefixes.getNsPrefixURI("xsd") == null
                ? XSD : prefixes.getNsPrefixURI(suffix);
        if (namespace == null) {
            throw new IllegalArgumentException("unknown prefix '" + suffix + "' in the type " + suffix + "_" + userDefined);
        }
        RDFDatatype datatype = TypeMapper.getInstance().getTypeByName(namespace + userDefined);
        if (datatype == null) {
            throw new IllegalArgumentException("unknown datatype " + suffix + ":" + userDefined);
        }
        return typed(datatype, suffix + ":" + userDefined);
    }

    private static ParameterType typed(RDFDatatype datatype, String label) {
        return new ParameterType(Kind.TYPED, datatype, null, label);
    }

    /**
     * The term for a value given by a user.
     *
     * @throws IllegalArgumentException (with a message for the user) when the value does not fit
     */
    public Node toNode(String value) {
        requireNonNull(value, "value");
        return switch (kind) {
            case STRING -> NodeFactory.createLiteralString(value);
            case LANGUAGE -> NodeFactory.createLiteralLang(value, language);
            case IRI -> iri(value);
            case TYPED -> literal(value, datatype, label);
            case NUMBER -> number(value);
        };
    }

    private static Node iri(String value) {
        try {
            if (IRIx.create(value).isAbsolute()) {
                return NodeFactory.createURI(value);
            }
        } catch (IRIException e) {
            // reported below, as every value that is not an absolute IRI
        }
        throw new IllegalArgumentException("'" + value + "' is not an absolute IRI");
    }

    private static Node literal(String value, RDFDatatype datatype, String label) {
        if (!datatype.isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + label);
        }
        return NodeFactory.createLiteralDT(value, datatype);
    }

    private static Node number(String value) {
        for (XSDDatatype numeric : new XSDDatatype[] {XSDDatatype.XSDinteger, XSDDatatype.XSDdecimal, XSDDatatype.XSDdouble}) {
            if (numeric.isValid(value)) {
                return NodeFactory.createLiteralDT(value, numeric);
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a number");
    }
}
