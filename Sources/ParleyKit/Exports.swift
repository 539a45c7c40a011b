// ParleyKit is the library's front door: importing it gives the document model, the readers'
// public types and the report formatters, so users need no other Parley import.
@_exported import ParleyIngest
@_exported import ParleyLexicon
@_exported import ParleyModel
@_exported import ParleyReport
@_exported import struct ParleyExtract.ExtractionOptions
