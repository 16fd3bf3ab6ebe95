-- Ofsted's latest inspection as DfE's school information files carried it (only some years' files do).
CREATE TABLE ofsted_inspections (
  urn              TEXT NOT NULL,
  inspection_date  TEXT NOT NULL,
  judgement        TEXT NOT NULL,
  source           TEXT NOT NULL,
  PRIMARY KEY (urn, inspection_date)
);
