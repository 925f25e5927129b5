//! Reading outside input: files, folders (recursively) and standard input.
