"""`xxgk import`: a published report (text, Word, web page) → a report file (front matter + Markdown).

reading (bytes → lines and grids) → layout (table dumps in text → grids) → tables (grids → schema
row/column ids by label) → metadata, headings, figures → report (front matter, body, check).
"""
