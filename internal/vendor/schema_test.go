package vendor

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSchemaFresh fails when the committed vendors/schema.json differs from
// what the types and the taxonomy generate.
func TestSchemaFresh(t *testing.T) {
	want, err := Schema(mustTaxonomy(t))
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(SchemaFile)))
	if err != nil {
		t.Fatalf("%v; run 'go run ./cmd/atlas schema'", err)
	}
	if !bytes.Equal(have, want) {
		t.Errorf("%s is stale; run 'go run ./cmd/atlas schema' and commit it", SchemaFile)
	}
}

func TestSchemaCoversEveryField(t *testing.T) {
	data, err := Schema(mustTaxonomy(t))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]json.RawMessage                                 `json:"properties"`
		Required   []string                                                   `json:"required"`
		Defs       map[string]struct{ Properties map[string]json.RawMessage } `json:"$defs"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	check := func(name string, typ reflect.Type, props map[string]json.RawMessage) {
		for _, k := range keysOf(typ) {
			if _, ok := props[k]; !ok {
				t.Errorf("%s.%s: not in the schema", name, k)
			}
		}
		if len(props) != len(keysOf(typ)) {
			t.Errorf("%s: %d properties in the schema, %d fields", name, len(props), len(keysOf(typ)))
		}
	}
	check("Record", reflect.TypeOf(Record{}), s.Properties)
	for _, typ := range []reflect.Type{reflect.TypeOf(Collection{}), reflect.TypeOf(Endpoint{}), reflect.TypeOf(Control{}),
		reflect.TypeOf(Incident{}), reflect.TypeOf(Source{}), reflect.TypeOf(Translation{})} {
		def, ok := s.Defs[typ.Name()]
		if !ok {
			t.Errorf("%s: no definition in the schema", typ.Name())
			continue
		}
		check(typ.Name(), typ, def.Properties)
	}
	if !reflect.DeepEqual(s.Required, []string{"id", "vendor", "product", "kind", "platforms", "versions", "summary", "collects", "sources", "reviewed"}) {
		t.Errorf("required fields: %v", s.Required)
	}
}

// TestHelpComplete makes sure every field is explained, since the schema,
// the skeleton and the "missing" messages all rely on the help.
func TestHelpComplete(t *testing.T) {
	types := []reflect.Type{reflect.TypeOf(Record{}), reflect.TypeOf(Collection{}), reflect.TypeOf(Endpoint{}),
		reflect.TypeOf(Control{}), reflect.TypeOf(Incident{}), reflect.TypeOf(Source{}), reflect.TypeOf(Translation{}),
		reflect.TypeOf(CollectionTranslation{}), reflect.TypeOf(EndpointTranslation{}), reflect.TypeOf(ControlTranslation{}),
		reflect.TypeOf(IncidentTranslation{})}
	n := 0
	for _, typ := range types {
		for _, k := range keysOf(typ) {
			n++
			if Help(typ.Name(), k) == "" {
				t.Errorf("%s.%s has no help", typ.Name(), k)
			}
		}
	}
	if n != len(help) {
		t.Errorf("help has %d entries for %d fields: remove the stale ones", len(help), n)
	}
}
