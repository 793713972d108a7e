package store

import (
	"bytes"

	"github.com/tinylib/msgp/msgp"
)

// Hooks for the external audit tests: read and write a stored value as the
// file holds it.

// DecodeValue is a stored value's JSON.
func DecodeValue(raw []byte) ([]byte, error) {
	v, err := unsqueeze(raw)
	if err != nil || !isMsgpack(v) {
		return v, err
	}
	var js bytes.Buffer
	_, err = msgp.UnmarshalAsJSON(&js, v)
	return js.Bytes(), err
}

// EncodeValue stores JSON as the store does.
func EncodeValue(js []byte) []byte { return squeeze(js) }
