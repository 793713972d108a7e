package store

// Hooks for the external audit tests: read and write a stored value as the
// file holds it.

// DecodeValue is a stored value's JSON.
func DecodeValue(raw []byte) ([]byte, error) { return unsqueeze(raw) }

// EncodeValue stores JSON as the store does.
func EncodeValue(js []byte) []byte { return squeeze(js) }
