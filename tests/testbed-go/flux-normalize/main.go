// Command flux-normalize is an oracle for Sluice's port of the normalization
// Flux's kustomize-controller applies to every object before server-side
// apply (github.com/fluxcd/pkg/ssa/normalize, run on client-go's scheme).
//
//	flux-normalize oracle [--yaml]
//	    Reads a JSON array of objects on stdin (with --yaml: a YAML or JSON
//	    stream, read with ssa/utils.ReadObjects exactly as kustomize-controller
//	    reads `kustomize build` output), runs normalize.UnstructuredList on each
//	    object alone, and prints a JSON array with, per object, either
//	    {"object": <normalized>} or {"error": "<error string>"}. A panic inside
//	    normalize is reported as {"error": "panic: ...", "panic": true}. Two
//	    diagnostics that are not Flux behaviour may be added: "typed": true
//	    when the object went through its Go type, and "conversionError" with
//	    the FromUnstructured error normalize ignores (it then passes the
//	    object through).
//	flux-normalize schema
//	    Prints, for every kind of client-go's scheme whose Go type is a
//	    metav1.Object, the Go struct types the unstructured converter walks,
//	    as a JSON table: "kinds" maps "group/version/Kind" (core: "v1/Kind")
//	    to a struct id; "types" maps ids to {"name", "fields": [{"json",
//	    "omitempty", "omitzero", "inline", "type"}]} with fields in Go
//	    declaration order; a type is string, bool, int32, int64, bytes,
//	    custom:<Name> (see "custom"), []<type>, map[<type>] (string keys),
//	    *<type>, struct:<id> or interface. "nonObjectKinds" and
//	    "unversionedKinds" list the registered kinds normalize panics on.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/fluxcd/pkg/ssa/normalize"
	ssautil "github.com/fluxcd/pkg/ssa/utils"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/structured-merge-diff/v6/value"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "oracle":
		yamlIn := false
		for _, a := range os.Args[2:] {
			switch a {
			case "--yaml":
				yamlIn = true
			default:
				usage()
			}
		}
		err = oracle(os.Stdin, os.Stdout, yamlIn)
	case "schema":
		if len(os.Args) != 2 {
			usage()
		}
		err = dumpSchema(os.Stdout)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "flux-normalize: %v\n", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: flux-normalize oracle [--yaml] <in.json >out.json | flux-normalize schema")
	os.Exit(2)
}

// ---------------------------------------------------------------- oracle

type result struct {
	Object map[string]interface{} `json:"object,omitempty"`
	Error  *string                `json:"error,omitempty"`
	Panic  bool                   `json:"panic,omitempty"`
	// Diagnostics, not part of what Flux does with the object: "typed" is
	// true when normalize went through the Go type (the kind is in the
	// scheme, the object is not an rbac/v1 Role or ClusterRole, and
	// FromUnstructured succeeded); "conversionError" is FromUnstructured's
	// error for a kind in the scheme, which normalize swallows (it then
	// passes the object through with only the creationTimestamp and status
	// changes).
	Typed           bool   `json:"typed,omitempty"`
	ConversionError string `json:"conversionError,omitempty"`
}

func oracle(in io.Reader, out io.Writer, yamlIn bool) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	var objects []*unstructured.Unstructured
	var inputErrs []error
	if yamlIn {
		objects, err = ssautil.ReadObjects(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("reading YAML: %w", err)
		}
		inputErrs = make([]error, len(objects))
	} else {
		var raws []json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return fmt.Errorf("input is not a JSON array: %w", err)
		}
		for _, raw := range raws {
			// The number handling of unstructured.Unstructured's own JSON
			// decoding: integers become int64, other numbers float64.
			var m map[string]interface{}
			var ierr error
			if err := utiljson.Unmarshal(raw, &m); err != nil {
				ierr = fmt.Errorf("input: %w", err)
			} else if m == nil {
				ierr = fmt.Errorf("input: not a JSON object")
			}
			objects = append(objects, &unstructured.Unstructured{Object: m})
			inputErrs = append(inputErrs, ierr)
		}
	}

	results := make([]result, len(objects))
	for i, o := range objects {
		if inputErrs[i] != nil {
			s := inputErrs[i].Error()
			results[i].Error = &s
			continue
		}
		results[i].Typed, results[i].ConversionError = diagnose(o.DeepCopy())
		if err, panicked := normalizeOne(o); err != nil {
			s := err.Error()
			results[i].Error = &s
			results[i].Panic = panicked
		} else {
			results[i].Object = o.Object
			if results[i].Object == nil {
				results[i].Object = map[string]interface{}{}
			}
		}
	}

	w := bufio.NewWriter(out)
	w.WriteString("[")
	for i, r := range results {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n")
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("encoding result %d: %w", i, err)
		}
		w.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	}
	w.WriteString("\n]\n")
	return w.Flush()
}

// diagnose reports whether normalize converts o through its Go type, and
// the conversion error it ignores if the kind is in the scheme.
func diagnose(o *unstructured.Unstructured) (typed bool, convErr string) {
	if o.GetAPIVersion() == "rbac.authorization.k8s.io/v1" && (o.GetKind() == "Role" || o.GetKind() == "ClusterRole") {
		return false, ""
	}
	if !scheme.Scheme.Recognizes(o.GroupVersionKind()) {
		return false, ""
	}
	typedObj, err := normalize.FromUnstructured(o)
	if err != nil {
		return false, err.Error()
	}
	return typedObj != nil, ""
}

// normalizeOne runs Flux's normalization on a single object, so that one
// failure does not hide the others; it reports a panic as an error.
func normalizeOne(o *unstructured.Unstructured) (err error, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			err, panicked = fmt.Errorf("panic: %v", r), true
		}
	}()
	return normalize.UnstructuredList([]*unstructured.Unstructured{o}), false
}

// ---------------------------------------------------------------- schema

type schemaField struct {
	JSON      string `json:"json"`
	Omitempty bool   `json:"omitempty"`
	Omitzero  bool   `json:"omitzero"`
	Inline    bool   `json:"inline"`
	Type      string `json:"type"`
}

type schemaType struct {
	Name   string        `json:"name"`
	Fields []schemaField `json:"fields"`
}

type customType struct {
	Go string `json:"go"`
	// The TypeReflectCacheEntry flags of the type (value.TypeReflectEntryOf).
	IsJSONMarshaler        bool `json:"isJsonMarshaler"`
	PtrIsJSONMarshaler     bool `json:"ptrIsJsonMarshaler"`
	IsJSONUnmarshaler      bool `json:"isJsonUnmarshaler"`
	IsStringConvertable    bool `json:"isStringConvertable"`
	PtrIsStringConvertable bool `json:"ptrIsStringConvertable"`
	// Underlying Go kind (struct, string, ...).
	Kind string `json:"kind"`
}

type schemaDoc struct {
	Generator string `json:"generator"`
	// Versions of the modules that decide the result, from the binary's
	// build information.
	Modules map[string]string `json:"modules"`
	// "group/version/Kind" -> struct id, for kinds whose Go type is a
	// metav1.Object (normalize converts these).
	Kinds map[string]string `json:"kinds"`
	// Registered kinds that are not metav1.Object: normalize.FromUnstructured
	// returns (nil, nil) for them and UnstructuredWithScheme then panics.
	NonObjectKinds []string `json:"nonObjectKinds"`
	// Kind names scheme.New resolves for every group and version when the
	// exact group/version/kind is not registered (Scheme.unversionedKinds).
	// None is a metav1.Object (checked), so normalize panics on them
	// whatever their apiVersion, custom resources included.
	UnversionedKinds []string              `json:"unversionedKinds"`
	Types            map[string]schemaType `json:"types"`
	Custom           map[string]customType `json:"custom"`
}

type schemaBuilder struct {
	ids     map[reflect.Type]string
	structs []reflect.Type // in discovery order
	custom  map[string]reflect.Type
	errs    []string
}

func isCustom(t reflect.Type) bool {
	e := value.TypeReflectEntryOf(t)
	return e.CanConvertToUnstructured() || e.CanConvertFromUnstructured()
}

func typeName(t reflect.Type) string {
	if t.Name() == "" {
		return t.String()
	}
	return t.PkgPath() + "." + t.Name()
}

// customName is the short name of a custom type: its Go name, which is unique
// among those the scheme reaches (checked).
func (b *schemaBuilder) customName(t reflect.Type) string {
	n := t.Name()
	if n == "" {
		b.errs = append(b.errs, "unnamed custom type "+t.String())
		n = t.String()
	}
	if prev, ok := b.custom[n]; ok && prev != t {
		b.errs = append(b.errs, fmt.Sprintf("custom type name %s used by %s and %s", n, typeName(prev), typeName(t)))
	}
	b.custom[n] = t
	return n
}

// ref returns the typeref of t, as the converter treats it. The custom check
// comes first for every kind, as in toUnstructured; fromUnstructured checks it
// only for map, slice, pointer, struct and interface kinds, which the notes
// discuss for the scalar custom types (there are none in the scheme; checked).
func (b *schemaBuilder) ref(t reflect.Type) string {
	if t.Kind() != reflect.Pointer && isCustom(t) {
		return "custom:" + b.customName(t)
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Int32, reflect.Int64:
		// The width matters: fromUnstructured converts int64 and integral
		// float64 values with Go conversions, which wrap on overflow.
		return t.Kind().String()
	case reflect.Int, reflect.Int8, reflect.Int16,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		// None in the scheme today (checked); the Rust port knows only
		// int32 and int64.
		b.errs = append(b.errs, fmt.Sprintf("numeric type %s (%s)", t, t.Kind()))
		return t.Kind().String()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "bytes"
		}
		return "[]" + b.ref(t.Elem())
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			b.errs = append(b.errs, "map with non-string key "+t.String())
		}
		return "map[" + b.ref(t.Elem()) + "]"
	case reflect.Pointer:
		if isCustom(t) && !isCustom(t.Elem()) {
			b.errs = append(b.errs, "pointer type is custom but its element is not: "+t.String())
		}
		return "*" + b.ref(t.Elem())
	case reflect.Interface:
		return "interface"
	case reflect.Struct:
		return "struct:" + b.structID(t)
	default:
		b.errs = append(b.errs, fmt.Sprintf("unsupported kind %s in %s", t.Kind(), t))
		return "unsupported:" + t.Kind().String()
	}
}

func (b *schemaBuilder) structID(t reflect.Type) string {
	if id, ok := b.ids[t]; ok {
		return id
	}
	b.ids[t] = "" // placeholder; ids are assigned after sorting
	b.structs = append(b.structs, t)
	for i := 0; i < t.NumField(); i++ {
		b.ref(t.Field(i).Type)
	}
	return ""
}

// fieldOf mirrors runtime.fieldInfoFromField (converter.go).
func fieldOf(f reflect.StructField) (name string, omitempty, omitzero bool) {
	tag := f.Tag.Get("json")
	if len(tag) == 0 {
		if !f.Anonymous {
			name = f.Name
		}
		return
	}
	items := strings.Split(tag, ",")
	name = items[0]
	if len(name) == 0 && !f.Anonymous {
		name = f.Name
	}
	for i := 1; i < len(items); i++ {
		switch items[i] {
		case "omitempty":
			omitempty = true
		case "omitzero":
			omitzero = true
		}
	}
	return
}

var metaObjectType = reflect.TypeOf((*metav1.Object)(nil)).Elem()

func dumpSchema(out io.Writer) error {
	b := &schemaBuilder{ids: map[reflect.Type]string{}, custom: map[string]reflect.Type{}}
	doc := schemaDoc{
		Generator: "tests/testbed-go/flux-normalize schema",
		Modules:   map[string]string{},
		Kinds:     map[string]string{}, Types: map[string]schemaType{}, Custom: map[string]customType{},
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			switch m.Path {
			case "github.com/fluxcd/pkg/ssa", "k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go",
				"sigs.k8s.io/structured-merge-diff/v6", "sigs.k8s.io/json":
				v := m.Version
				if m.Replace != nil {
					v = m.Replace.Path + "@" + m.Replace.Version
				}
				doc.Modules[m.Path] = v
			}
		}
	}
	kindTypes := map[string]reflect.Type{}
	unversionedKinds := map[string]bool{}
	objectMetaType := reflect.TypeOf(metav1.ObjectMeta{})
	for gvk, t := range scheme.Scheme.AllKnownTypes() {
		key := gvk.Kind
		if gvk.Version != "" {
			key = gvk.Version + "/" + key
		}
		if gvk.Group != "" {
			key = gvk.Group + "/" + key
		}
		obj, err := scheme.Scheme.New(gvk)
		if err != nil {
			b.errs = append(b.errs, fmt.Sprintf("scheme.New(%s): %v", key, err))
			continue
		}
		if unversioned, _ := scheme.Scheme.IsUnversioned(obj); unversioned {
			if _, isObject := obj.(metav1.Object); isObject {
				b.errs = append(b.errs, "unversioned kind is a metav1.Object: "+key)
			}
			unversionedKinds[gvk.Kind] = true
		}
		if _, isObject := obj.(metav1.Object); !isObject {
			doc.NonObjectKinds = append(doc.NonObjectKinds, key)
			continue
		}
		if !reflect.PointerTo(t).Implements(metaObjectType) {
			b.errs = append(b.errs, "metav1.Object check disagrees for "+key)
		}
		if f, ok := t.FieldByName("ObjectMeta"); !ok || !f.Anonymous || f.Type != objectMetaType {
			b.errs = append(b.errs, "metav1.Object without embedded ObjectMeta: "+key)
		}
		if strings.HasSuffix(gvk.Kind, "List") {
			b.errs = append(b.errs, "metav1.Object kind named *List: "+key)
		}
		kindTypes[key] = t
		b.ref(t)
	}
	sort.Strings(doc.NonObjectKinds)
	for k := range unversionedKinds {
		doc.UnversionedKinds = append(doc.UnversionedKinds, k)
	}
	sort.Strings(doc.UnversionedKinds)

	// Ids in the order of the sorted Go type names.
	sort.Slice(b.structs, func(i, j int) bool { return typeName(b.structs[i]) < typeName(b.structs[j]) })
	for i, t := range b.structs {
		if i > 0 && typeName(b.structs[i-1]) == typeName(t) {
			b.errs = append(b.errs, "two struct types named "+typeName(t))
		}
		b.ids[t] = fmt.Sprintf("T%d", i+1)
	}
	for key, t := range kindTypes {
		doc.Kinds[key] = b.ids[t]
	}
	for _, t := range b.structs {
		st := schemaType{Name: typeName(t), Fields: []schemaField{}}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.PkgPath != "" {
				// The converter does not skip unexported fields: setting one
				// panics. None is expected outside custom types.
				b.errs = append(b.errs, fmt.Sprintf("unexported field %s.%s", typeName(t), f.Name))
			}
			name, omitempty, omitzero := fieldOf(f)
			st.Fields = append(st.Fields, schemaField{
				JSON: name, Omitempty: omitempty, Omitzero: omitzero,
				Inline: name == "", Type: b.ref(f.Type),
			})
			if name == "" && f.Type.Kind() != reflect.Struct {
				b.errs = append(b.errs, fmt.Sprintf("inline field %s.%s is a %s", typeName(t), f.Name, f.Type.Kind()))
			}
		}
		doc.Types[b.ids[t]] = st
	}
	for n, t := range b.custom {
		e := value.TypeReflectEntryOf(t)
		doc.Custom[n] = customType{
			Go:                     typeName(t),
			IsJSONMarshaler:        t.Implements(reflect.TypeOf((*json.Marshaler)(nil)).Elem()),
			PtrIsJSONMarshaler:     reflect.PointerTo(t).Implements(reflect.TypeOf((*json.Marshaler)(nil)).Elem()),
			IsJSONUnmarshaler:      e.CanConvertFromUnstructured(),
			IsStringConvertable:    t.Implements(reflect.TypeOf((*value.UnstructuredConverter)(nil)).Elem()),
			PtrIsStringConvertable: reflect.PointerTo(t).Implements(reflect.TypeOf((*value.UnstructuredConverter)(nil)).Elem()),
			Kind:                   t.Kind().String(),
		}
		if !e.CanConvertToUnstructured() || !e.CanConvertFromUnstructured() {
			b.errs = append(b.errs, "custom type "+n+" is custom in one direction only")
		}
		if t.Kind() != reflect.Struct {
			b.errs = append(b.errs, "custom type "+n+" is not a struct")
		}
	}
	if len(b.errs) > 0 {
		sort.Strings(b.errs)
		return fmt.Errorf("schema surprises:\n  %s", strings.Join(b.errs, "\n  "))
	}

	return writeSchema(out, &doc)
}

// writeSchema writes doc as JSON with one kind, type or custom type a line,
// so that diffs of the generated file stay readable. Ids are written in
// numeric order.
func writeSchema(out io.Writer, doc *schemaDoc) error {
	w := bufio.NewWriter(out)
	js := func(v interface{}) string {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			panic(err)
		}
		return strings.TrimRight(buf.String(), "\n")
	}
	section := func(name string, keys []string, value func(string) interface{}, last bool) {
		fmt.Fprintf(w, "%s: {", js(name))
		for i, k := range keys {
			if i > 0 {
				w.WriteString(",")
			}
			fmt.Fprintf(w, "\n  %s: %s", js(k), js(value(k)))
		}
		w.WriteString("\n}")
		if !last {
			w.WriteString(",")
		}
		w.WriteString("\n")
	}
	sortedKeys := func(m interface{}) []string {
		var keys []string
		for _, k := range reflect.ValueOf(m).MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		return keys
	}
	typeIDs := sortedKeys(doc.Types)
	sort.Slice(typeIDs, func(i, j int) bool {
		a, b := typeIDs[i], typeIDs[j]
		return len(a) < len(b) || len(a) == len(b) && a < b
	})

	w.WriteString("{\n")
	fmt.Fprintf(w, "\"generator\": %s,\n", js(doc.Generator))
	fmt.Fprintf(w, "\"modules\": %s,\n", js(doc.Modules))
	section("kinds", sortedKeys(doc.Kinds), func(k string) interface{} { return doc.Kinds[k] }, false)
	fmt.Fprintf(w, "\"nonObjectKinds\": %s,\n", js(doc.NonObjectKinds))
	fmt.Fprintf(w, "\"unversionedKinds\": %s,\n", js(doc.UnversionedKinds))
	section("custom", sortedKeys(doc.Custom), func(k string) interface{} { return doc.Custom[k] }, false)
	section("types", typeIDs, func(k string) interface{} { return doc.Types[k] }, true)
	w.WriteString("}\n")
	return w.Flush()
}
