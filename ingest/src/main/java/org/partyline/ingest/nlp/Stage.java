package org.partyline.ingest.nlp;

/** One named step of the pipeline: reads the layers earlier stages added to a document and adds its own. */
public interface Stage {

  String name();

  void process(Document document);
}
