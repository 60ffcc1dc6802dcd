"""The Streamlit front end: one module per page over the indexer's Guide."""
