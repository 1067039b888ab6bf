package fr.recouvrement.scenario;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one BPMN or DMN file element by element (StAX, so that each refusal knows its line), keeping the path from
 * the root, and collects the refusals a subclass finds. Namespaces are ignored on purpose: the engine still reads the
 * old {@code activiti:} prefix as Camunda's, and an attribute is checked whatever prefix it comes with.
 */
abstract class XmlResourceCheck {

    record Attribute(String prefix, String name, String value) {
        String qualifiedName() {
            return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
        }
    }

    /** An element being read: its local name, id, attributes, where it starts, its text and whether it has children. */
    static final class Element {
        final String name;
        final String id;
        final List<Attribute> attributes;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        boolean hasChildren;

        Element(String name, List<Attribute> attributes, int line, int column) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.column = column;
            this.id = attributes.stream().filter(a -> a.name().equals("id")).map(Attribute::value).findFirst()
                    .orElse(null);
        }

        boolean is(String localName) {
            return name.equals(localName);
        }

        /** Whether any attribute of that local name, whatever its prefix, has that value. */
        boolean has(String attribute, String value) {
            return attributes.stream().anyMatch(a -> a.name().equals(attribute) && a.value().equals(value));
        }
    }

    private final Deque<Element> path = new ArrayDeque<>();
    private final List<Refusal> refusals = new ArrayList<>();

    final List<Refusal> check(byte[] xml) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            // A deployment is untrusted input: no DTD, no external entity.
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    read(reader, reader.next());
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            refusals.add(new Refusal("is not well-formed XML: " + e.getMessage(), line, 0, null, List.of()));
        }
        return refusals;
    }

    private void read(XMLStreamReader reader, int event) {
        if (event == XMLStreamConstants.START_ELEMENT) {
            List<Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.add(new Attribute(reader.getAttributePrefix(i), reader.getAttributeLocalName(i),
                        reader.getAttributeValue(i)));
            }
            Element element = new Element(reader.getLocalName(), List.copyOf(attributes),
                    reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
            if (!path.isEmpty()) {
                path.peek().hasChildren = true;
            }
            path.push(element);
            started(element);
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
            if (!path.isEmpty()) {
                path.peek().text.append(reader.getText());
            }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            Element element = path.pop();
            ended(element, element.text.toString().strip());
        }
    }

    /** Called with the element on top of {@link #path()}, before its children. */
    protected abstract void started(Element element);

    /** Called once the element and its children are read; it is no longer on {@link #path()}. */
    protected abstract void ended(Element element, String text);

    /** Whether an element directly inside this one is what an analyst selects in Modeler (a task, a flow). */
    protected abstract boolean isContainer(Element element);

    /** The elements enclosing the one being read, the innermost first. */
    protected final Deque<Element> path() {
        return path;
    }

    protected final boolean within(String localName) {
        return path.stream().anyMatch(element -> element.is(localName));
    }

    protected final void refuse(Element at, String why) {
        List<Element> chain = new ArrayList<>();
        chain.add(at);
        path.stream().filter(element -> element != at).forEach(chain::add);
        String inner = chain.stream().map(element -> element.id).filter(Objects::nonNull).findFirst().orElse(null);
        String owner = null;
        for (int i = 0; i < chain.size() && owner == null; i++) {
            boolean selectable = i + 1 == chain.size() || isContainer(chain.get(i + 1));
            owner = selectable ? chain.get(i).id : null;
        }
        owner = owner == null ? inner : owner;
        List<String> ids = Stream.of(owner, inner).filter(Objects::nonNull).distinct().toList();
        refusals.add(new Refusal(why, at.line, at.column, owner, ids));
    }
}
