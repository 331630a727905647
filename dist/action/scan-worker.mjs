import { createRequire as __mamoriCreateRequire } from 'node:module';
const require = __mamoriCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR2 = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR2;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR2:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR2;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key, node, visitor, path3) {
      const ctrl = callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visit_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = visit_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path3) {
      const ctrl = await callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visitAsync_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path3) {
      if (typeof visitor === "function")
        return visitor(key, node, path3);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path3);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path3);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path3);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path3);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path3);
      return void 0;
    }
    function replaceNode(key, path3, node) {
      const parent = path3[path3.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit3;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit3.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit3 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit3.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue2 = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue2;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path3, value) {
      let v = value;
      for (let i = path3.length - 1; i >= 0; --i) {
        const k = path3[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path3) => path3 == null || typeof path3 === "object" && !!path3[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path3, value) {
        if (isEmptyPath(path3))
          this.add(value);
        else {
          const [key, ...rest] = path3;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        const [key, ...rest] = path3;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        const [key, ...rest] = path3;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text3[fold]}\\`;
          res += `
${indent}${text3.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection2, ctx, options) {
      const flow = ctx.inFlow ?? collection2.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection2, ctx, options);
    }
    function stringifyBlockCollection({ comment, items: items2 }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items2.length; ++i) {
        const item = items2[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items: items2 }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items2.length; ++i) {
        const item = items2[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items2.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items2, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items2) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema2 = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema2;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema2 = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path3, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path3, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        if (Collection.isEmptyPath(path3)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path3) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        if (Collection.isEmptyPath(path3))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path3, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path3) {
        if (Collection.isEmptyPath(path3))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path3) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        if (Collection.isEmptyPath(path3)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path3), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path3, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema2.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items2, search2) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items2.some((pair) => isEqual(pair.key, search2));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue2(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue2(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context2) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context2;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context2.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context2 = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context2;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path3) => {
      let item = cst;
      for (const [field, index] of path3) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit3.parentCollection = (cst, path3) => {
      const parent = visit3.itemAtPath(cst, path3.slice(0, -1));
      const field = path3[path3.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path3, item, visitor) {
      let ctrl = visitor(item, path3);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path3.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path3);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path3) : ctrl;
    }
    exports.visit = visit3;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT2 = "";
    var FLOW_END = "";
    var SCALAR2 = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT2:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR2:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT2:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR2:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT2;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR2;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar2.end) {
            sep = scalar2.end;
            sep.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse3;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema2 = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit3 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema2.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit3.visit;
    exports.visitAsync = visit3.visitAsync;
  }
});

// node_modules/.pnpm/ipaddr.js@2.5.0/node_modules/ipaddr.js/lib/ipaddr.js
var require_ipaddr = __commonJS({
  "node_modules/.pnpm/ipaddr.js@2.5.0/node_modules/ipaddr.js/lib/ipaddr.js"(exports, module) {
    (function(root) {
      "use strict";
      const ipv4Part = "(0?\\d+|0x[a-f0-9]+)";
      const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, "i"),
        longValue: new RegExp(`^${ipv4Part}$`, "i")
      };
      const octalRegex = new RegExp(`^0[0-7]+$`, "i");
      const hexRegex = new RegExp(`^0x[a-f0-9]+$`, "i");
      const zoneIndex = "%[0-9a-z]{1,}";
      const ipv6Part = "(?:[0-9a-f]+::?)+";
      const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, "i"),
        "native": new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, "i"),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, "i"),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, "i")
      };
      function expandIPv6(string, parts) {
        if (string.indexOf("::") !== string.lastIndexOf("::")) {
          return null;
        }
        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;
        if (zoneId) {
          zoneId = zoneId.substring(1);
          string = string.replace(/%.+$/, "");
        }
        while ((lastColon = string.indexOf(":", lastColon + 1)) >= 0) {
          colonCount++;
        }
        if (string.substr(0, 2) === "::") {
          colonCount--;
        }
        if (string.substr(-2, 2) === "::") {
          colonCount--;
        }
        if (colonCount >= parts) {
          return null;
        }
        replacementCount = parts - colonCount;
        replacement = ":";
        while (replacementCount--) {
          replacement += "0:";
        }
        string = string.replace("::", replacement);
        if (string[0] === ":") {
          string = string.slice(1);
        }
        if (string[string.length - 1] === ":") {
          string = string.slice(0, -1);
        }
        parts = (function() {
          const ref = string.split(":");
          const results = [];
          for (let i = 0; i < ref.length; i++) {
            results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
          }
          return results;
        })();
        return {
          parts,
          zoneId
        };
      }
      function matchCIDR(first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
          throw new Error("ipaddr: cannot match CIDR for objects with different lengths");
        }
        let part = 0;
        let shift;
        while (cidrBits > 0) {
          shift = partSize - cidrBits;
          if (shift < 0) {
            shift = 0;
          }
          if (first[part] >> shift !== second[part] >> shift) {
            return false;
          }
          cidrBits -= partSize;
          part += 1;
        }
        return true;
      }
      function parseIntAuto(string) {
        if (hexRegex.test(string)) {
          return parseInt(string, 16);
        }
        if (string[0] === "0" && !isNaN(parseInt(string[1], 10))) {
          if (octalRegex.test(string)) {
            return parseInt(string, 8);
          }
          throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        return parseInt(string, 10);
      }
      function padPart(part, length) {
        while (part.length < length) {
          part = `0${part}`;
        }
        return part;
      }
      const ipaddr2 = {};
      ipaddr2.IPv4 = (function() {
        function IPv4(octets) {
          if (octets.length !== 4) {
            throw new Error("ipaddr: ipv4 octet count should be 4");
          }
          let i, octet;
          for (i = 0; i < octets.length; i++) {
            octet = octets[i];
            if (!(0 <= octet && octet <= 255)) {
              throw new Error("ipaddr: ipv4 octet should fit in 8 bits");
            }
          }
          this.octets = octets;
        }
        IPv4.prototype.SpecialRanges = {
          unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
          broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
          // RFC3171
          multicast: [[new IPv4([224, 0, 0, 0]), 4]],
          // RFC3927
          linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
          // RFC5735
          loopback: [[new IPv4([127, 0, 0, 0]), 8]],
          // RFC6598
          carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
          // RFC1918
          "private": [
            [new IPv4([10, 0, 0, 0]), 8],
            [new IPv4([172, 16, 0, 0]), 12],
            [new IPv4([192, 168, 0, 0]), 16]
          ],
          // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
          reserved: [
            [new IPv4([192, 0, 0, 0]), 24],
            [new IPv4([192, 0, 2, 0]), 24],
            [new IPv4([192, 88, 99, 0]), 24],
            [new IPv4([198, 18, 0, 0]), 15],
            [new IPv4([198, 51, 100, 0]), 24],
            [new IPv4([203, 0, 113, 0]), 24],
            [new IPv4([240, 0, 0, 0]), 4]
          ],
          // RFC7534, RFC7535
          as112: [
            [new IPv4([192, 175, 48, 0]), 24],
            [new IPv4([192, 31, 196, 0]), 24]
          ],
          // RFC7450
          amt: [
            [new IPv4([192, 52, 193, 0]), 24]
          ]
        };
        IPv4.prototype.kind = function() {
          return "ipv4";
        };
        IPv4.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv4") {
            throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");
          }
          return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };
        IPv4.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 8,
            128: 7,
            192: 6,
            224: 5,
            240: 4,
            248: 3,
            252: 2,
            254: 1,
            255: 0
          };
          let i, octet, zeros;
          for (i = 3; i >= 0; i -= 1) {
            octet = this.octets[i];
            if (octet in zerotable) {
              zeros = zerotable[octet];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 8) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 32 - cidr;
        };
        IPv4.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv4.prototype.toByteArray = function() {
          return this.octets.slice(0);
        };
        IPv4.prototype.toIPv4MappedAddress = function() {
          return ipaddr2.IPv6.parse(`::ffff:${this.toString()}`);
        };
        IPv4.prototype.toNormalizedString = function() {
          return this.toString();
        };
        IPv4.prototype.toString = function() {
          return this.octets.join(".");
        };
        return IPv4;
      })();
      ipaddr2.IPv4.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.isIPv4 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv4.isValid = function(string) {
        try {
          new this(this.parser(string));
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDR = function(string) {
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidFourPartDecimal = function(string) {
        if (ipaddr2.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
          return true;
        } else {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDRFourPartDecimal = function(string) {
        const match = string.match(/^(.+)\/(\d+)$/);
        if (!ipaddr2.IPv4.isValidCIDR(string) || !match) {
          return false;
        }
        return ipaddr2.IPv4.isValidFourPartDecimal(match[1]);
      };
      ipaddr2.IPv4.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.parse = function(string) {
        const parts = this.parser(string);
        if (parts === null) {
          throw new Error("ipaddr: string is not formatted like an IPv4 Address");
        }
        return new this(parts);
      };
      ipaddr2.IPv4.parseCIDR = function(string) {
        let match;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          const maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 32) {
            const parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range");
      };
      ipaddr2.IPv4.parser = function(string) {
        let match, part, value;
        if (match = string.match(ipv4Regexes.fourOctet)) {
          return (function() {
            const ref = match.slice(1, 6);
            const results = [];
            for (let i = 0; i < ref.length; i++) {
              part = ref[i];
              results.push(parseIntAuto(part));
            }
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.longValue)) {
          value = parseIntAuto(match[1]);
          if (value > 4294967295 || value < 0) {
            throw new Error("ipaddr: address outside defined range");
          }
          return (function() {
            const results = [];
            let shift;
            for (shift = 0; shift <= 24; shift += 8) {
              results.push(value >> shift & 255);
            }
            return results;
          })().reverse();
        } else if (match = string.match(ipv4Regexes.twoOctet)) {
          return (function() {
            const ref = match.slice(1, 4);
            const results = [];
            value = parseIntAuto(ref[1]);
            if (value > 16777215 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(value >> 16 & 255);
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.threeOctet)) {
          return (function() {
            const ref = match.slice(1, 5);
            const results = [];
            value = parseIntAuto(ref[2]);
            if (value > 65535 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(parseIntAuto(ref[1]));
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else {
          return null;
        }
      };
      ipaddr2.IPv4.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
          throw new Error("ipaddr: invalid IPv4 prefix length");
        }
        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 4) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.IPv6 = (function() {
        function IPv6(parts, zoneId) {
          let i, part;
          if (parts.length === 16) {
            this.parts = [];
            for (i = 0; i <= 14; i += 2) {
              this.parts.push(parts[i] << 8 | parts[i + 1]);
            }
          } else if (parts.length === 8) {
            this.parts = parts;
          } else {
            throw new Error("ipaddr: ipv6 part count should be 8 or 16");
          }
          for (i = 0; i < this.parts.length; i++) {
            part = this.parts[i];
            if (!(0 <= part && part <= 65535)) {
              throw new Error("ipaddr: ipv6 part should fit in 16 bits");
            }
          }
          if (zoneId) {
            this.zoneId = zoneId;
          }
        }
        IPv6.prototype.SpecialRanges = {
          // RFC4291, here and after
          unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
          linkLocal: [new IPv6([65152, 0, 0, 0, 0, 0, 0, 0]), 10],
          multicast: [new IPv6([65280, 0, 0, 0, 0, 0, 0, 0]), 8],
          loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
          uniqueLocal: [new IPv6([64512, 0, 0, 0, 0, 0, 0, 0]), 7],
          ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 65535, 0, 0]), 96],
          // RFC3879
          deprecatedSiteLocal: [new IPv6([65216, 0, 0, 0, 0, 0, 0, 0]), 10],
          // RFC6666
          discard: [new IPv6([256, 0, 0, 0, 0, 0, 0, 0]), 64],
          // RFC6145
          rfc6145: [new IPv6([0, 0, 0, 0, 65535, 0, 0, 0]), 96],
          rfc6052: [
            // RFC6052
            [new IPv6([100, 65435, 0, 0, 0, 0, 0, 0]), 96],
            // RFC8215
            [new IPv6([100, 65435, 1, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC3056
          "6to4": [new IPv6([8194, 0, 0, 0, 0, 0, 0, 0]), 16],
          // RFC6052, RFC6146
          teredo: [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 32],
          // RFC5180
          benchmarking: [new IPv6([8193, 2, 0, 0, 0, 0, 0, 0]), 48],
          // RFC7450
          amt: [new IPv6([8193, 3, 0, 0, 0, 0, 0, 0]), 32],
          as112v6: [
            // RFC7535
            [new IPv6([8193, 4, 274, 0, 0, 0, 0, 0]), 48],
            // RFC7534
            [new IPv6([9760, 79, 32768, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC4843
          deprecatedOrchid: [new IPv6([8193, 16, 0, 0, 0, 0, 0, 0]), 28],
          // RFC7343
          orchid2: [new IPv6([8193, 32, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9374
          droneRemoteIdProtocolEntityTags: [new IPv6([8193, 48, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9602
          segmentRouting: [new IPv6([24320, 0, 0, 0, 0, 0, 0, 0]), 16],
          reserved: [
            // RFC3849
            [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 23],
            // RFC2928
            [new IPv6([8193, 3512, 0, 0, 0, 0, 0, 0]), 32],
            // RFC9637
            [new IPv6([16383, 0, 0, 0, 0, 0, 0, 0]), 20]
          ]
        };
        IPv6.prototype.isIPv4MappedAddress = function() {
          return this.range() === "ipv4Mapped";
        };
        IPv6.prototype.kind = function() {
          return "ipv6";
        };
        IPv6.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv6") {
            throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");
          }
          return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };
        IPv6.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 16,
            32768: 15,
            49152: 14,
            57344: 13,
            61440: 12,
            63488: 11,
            64512: 10,
            65024: 9,
            65280: 8,
            65408: 7,
            65472: 6,
            65504: 5,
            65520: 4,
            65528: 3,
            65532: 2,
            65534: 1,
            65535: 0
          };
          let part, zeros;
          for (let i = 7; i >= 0; i -= 1) {
            part = this.parts[i];
            if (part in zerotable) {
              zeros = zerotable[part];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 16) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 128 - cidr;
        };
        IPv6.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv6.prototype.toByteArray = function() {
          let part;
          const bytes3 = [];
          const ref = this.parts;
          for (let i = 0; i < ref.length; i++) {
            part = ref[i];
            bytes3.push(part >> 8);
            bytes3.push(part & 255);
          }
          return bytes3;
        };
        IPv6.prototype.toFixedLengthString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(padPart(this.parts[i].toString(16), 4));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toIPv4Address = function() {
          if (!this.isIPv4MappedAddress()) {
            throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");
          }
          const ref = this.parts.slice(-2);
          const high = ref[0];
          const low = ref[1];
          return new ipaddr2.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
        };
        IPv6.prototype.toNormalizedString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(this.parts[i].toString(16));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toRFC5952String = function() {
          const regex = /((^|:)(0(:|$)){2,})/g;
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          const normalized = this.toNormalizedString();
          const string = normalized.slice(0, normalized.length - suffix.length);
          let bestMatchIndex = 0;
          let bestMatchLength = -1;
          let bestMatchGroups = -1;
          let match;
          while (match = regex.exec(string)) {
            const groups = (match[0].match(/0/g) || []).length;
            if (groups > bestMatchGroups) {
              bestMatchGroups = groups;
              bestMatchIndex = match.index;
              bestMatchLength = match[0].length;
            }
          }
          if (bestMatchLength < 0) {
            return string + suffix;
          }
          return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };
        IPv6.prototype.toString = function() {
          return this.toRFC5952String();
        };
        return IPv6;
      })();
      ipaddr2.IPv6.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.isIPv6 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv6.isValid = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          const addr = this.parser(string);
          new this(addr.parts, addr.zoneId);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.isValidCIDR = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.parse = function(string) {
        const addr = this.parser(string);
        if (addr === null) {
          throw new Error("ipaddr: string is not formatted like an IPv6 Address");
        }
        return new this(addr.parts, addr.zoneId);
      };
      ipaddr2.IPv6.parseCIDR = function(string) {
        let maskLength, match, parsed;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 128) {
            parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range");
      };
      ipaddr2.IPv6.parser = function(string) {
        let addr, i, match, octet, octets, zoneId;
        if (match = string.match(ipv6Regexes.deprecatedTransitional)) {
          return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
          return expandIPv6(string, 8);
        }
        if (match = string.match(ipv6Regexes.transitional)) {
          zoneId = match[6] || "";
          addr = match[1];
          if (!match[1].endsWith("::")) {
            addr = addr.slice(0, -1);
          }
          addr = expandIPv6(addr + zoneId, 6);
          if (addr && addr.parts) {
            octets = [
              parseInt(match[2]),
              parseInt(match[3]),
              parseInt(match[4]),
              parseInt(match[5])
            ];
            for (i = 0; i < octets.length; i++) {
              octet = octets[i];
              if (!(0 <= octet && octet <= 255)) {
                return null;
              }
            }
            addr.parts.push(octets[0] << 8 | octets[1]);
            addr.parts.push(octets[2] << 8 | octets[3]);
            return {
              parts: addr.parts,
              zoneId: addr.zoneId
            };
          }
        }
        return null;
      };
      ipaddr2.IPv6.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
          throw new Error("ipaddr: invalid IPv6 prefix length");
        }
        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 16) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.fromByteArray = function(bytes3) {
        const length = bytes3.length;
        if (length === 4) {
          return new ipaddr2.IPv4(bytes3);
        } else if (length === 16) {
          return new ipaddr2.IPv6(bytes3);
        } else {
          throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address");
        }
      };
      ipaddr2.isValid = function(string) {
        return ipaddr2.IPv6.isValid(string) || ipaddr2.IPv4.isValid(string);
      };
      ipaddr2.isValidCIDR = function(string) {
        return ipaddr2.IPv6.isValidCIDR(string) || ipaddr2.IPv4.isValidCIDR(string);
      };
      ipaddr2.parse = function(string) {
        if (ipaddr2.IPv6.isValid(string)) {
          return ipaddr2.IPv6.parse(string);
        } else if (ipaddr2.IPv4.isValid(string)) {
          return ipaddr2.IPv4.parse(string);
        } else {
          throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format");
        }
      };
      ipaddr2.parseCIDR = function(string) {
        try {
          return ipaddr2.IPv6.parseCIDR(string);
        } catch {
          try {
            return ipaddr2.IPv4.parseCIDR(string);
          } catch (e) {
            throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format", { cause: e });
          }
        }
      };
      ipaddr2.process = function(string) {
        const addr = this.parse(string);
        if (addr.kind() === "ipv6" && addr.isIPv4MappedAddress()) {
          return addr.toIPv4Address();
        } else {
          return addr;
        }
      };
      ipaddr2.subnetMatch = function(address, rangeList, defaultName) {
        let i, rangeName, rangeSubnets, subnet;
        if (defaultName === void 0 || defaultName === null) {
          defaultName = "unicast";
        }
        for (rangeName in rangeList) {
          if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
            rangeSubnets = rangeList[rangeName];
            if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
              rangeSubnets = [rangeSubnets];
            }
            for (i = 0; i < rangeSubnets.length; i++) {
              subnet = rangeSubnets[i];
              if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                return rangeName;
              }
            }
          }
        }
        return defaultName;
      };
      if (typeof module !== "undefined" && module.exports) {
        module.exports = ipaddr2;
      } else {
        root.ipaddr = ipaddr2;
      }
    })(exports);
  }
});

// packages/core/src/scan-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// packages/core/src/cache/digest.ts
var crypto;
function contentDigest(content) {
  crypto ??= process.getBuiltinModule("node:crypto");
  return crypto.hash("sha256", content, "hex");
}

// packages/core/src/files/bounded.ts
import path from "node:path";

// packages/core/src/files/input-fs.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from "node:fs";
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
var inputFs = {
  stat: (p) => statSync(p),
  lstat: (p) => lstatSync(p),
  realpath: (p) => realpathSync(p),
  readlink: (p) => readlinkSync(p),
  readdir: (p) => readdirSync(p, { withFileTypes: true }),
  open: (p, options = {}) => openSync(p, OPEN_FLAGS | (options.noFollow ? NO_FOLLOW : 0)),
  /** Up to `length` bytes at `position` (or, with `null`, where the last read ended) of an open file, into `buffer` at `offset`: how many were read. */
  readAt: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
  fstat: (fd) => fstatSync(fd),
  close: (fd) => closeSync(fd)
};

// packages/core/src/files/bounded.ts
var MAX_FILE_BYTES = 20 * 1024 * 1024;
var MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;
var isFailure = (r) => "problem" in r;
function openRegular(absPath, options = {}) {
  let fd;
  try {
    fd = inputFs.open(absPath, options.noFollow ? { noFollow: true } : {});
  } catch (err) {
    const code = err.code;
    if (code === "ELOOP" && options.noFollow) return { problem: "not-regular", kind: "a symbolic link" };
    if (code === "ENXIO") return { problem: "not-regular", kind: "a socket or a device without a driver" };
    return { problem: "error", error: err };
  }
  try {
    const info = inputFs.fstat(fd);
    if (!info.isFile()) {
      inputFs.close(fd);
      return { problem: "not-regular", kind: kindOf(info) };
    }
    if (options.roots) {
      const real = openedPath(fd, absPath);
      if (real === void 0 || !insideRoots(real, options.roots)) {
        inputFs.close(fd);
        return { problem: "outside", target: real ?? "a path that could not be resolved" };
      }
    }
    return { fd, size: info.size, info };
  } catch (err) {
    inputFs.close(fd);
    return { problem: "error", error: err };
  }
}
function readOpened(fd, cap, size) {
  const limit = cap + 1;
  let buffer = Buffer.allocUnsafe(Math.min(limit, size > 0 ? size + 1 : 64 * 1024));
  let length = 0;
  for (; ; ) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const grown = Buffer.allocUnsafe(length >= cap ? limit : Math.min(cap, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const asked = buffer.length - length;
    let n;
    try {
      n = inputFs.readAt(fd, buffer, length, asked, length);
    } catch (err) {
      if (length >= cap) return { bytes: buffer.subarray(0, cap), more: true };
      throw err;
    }
    if (n === 0) break;
    length += n;
    if (size > 0 && n < asked) break;
  }
  return length > cap ? { bytes: buffer.subarray(0, cap), more: true } : { bytes: buffer.subarray(0, length), more: false };
}
function readHead(fd, length) {
  const buffer = Buffer.allocUnsafe(length);
  let n = 0;
  for (let got = -1; got !== 0 && n < length; n += got) got = inputFs.readAt(fd, buffer, n, length - n, n);
  return buffer.subarray(0, n);
}
function readBounded(absPath, cap, options = {}) {
  const opened = openRegular(absPath, options);
  if (isFailure(opened)) return opened;
  try {
    if (opened.size > cap) return { oversized: true, size: opened.size, head: readHead(opened.fd, Math.min(cap, options.headBytes ?? 64 * 1024)) };
    const read = readOpened(opened.fd, cap, opened.size);
    if (read.more) return { oversized: true, size: Math.max(opened.size, cap + 1), head: read.bytes.subarray(0, options.headBytes ?? 64 * 1024) };
    return { bytes: read.bytes, size: opened.size };
  } catch (err) {
    return { problem: "error", error: err };
  } finally {
    inputFs.close(opened.fd);
  }
}
function failureText(failure) {
  switch (failure.problem) {
    case "not-regular":
      return `it is ${failure.kind}, not a regular file`;
    case "outside":
      return `it resolves to ${quoted(failure.target)}, outside the scanned folders`;
    default:
      return errorText(failure.error);
  }
}
function kindOf(info) {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a folder";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}
function insideRoots(real, roots) {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}
function openedPath(fd, absPath) {
  if (process.platform === "linux") {
    try {
      return inputFs.readlink(`/proc/self/fd/${fd}`).replace(/ \(deleted\)$/, "");
    } catch {
    }
  }
  try {
    const real = inputFs.realpath(absPath);
    const now = inputFs.stat(real);
    const opened = inputFs.fstat(fd);
    return now.dev === opened.dev && now.ino === opened.ino ? real : void 0;
  } catch {
    return void 0;
  }
}
function quoted(p) {
  return JSON.stringify(p);
}
var mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
function errorText(err) {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") {
    const code = err.code;
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "ENOENT") return "no such file";
    if (code === "EISDIR") return "is a folder";
    if (code === "ELOOP") return "symbolic link loop";
    if (code === "EIO") return "input/output error";
    if (code === "EMFILE" || code === "ENFILE") return "too many open files";
    if (code === "ENOTDIR") return "a path component is not a folder";
  }
  return err instanceof Error ? err.message.split("\n")[0] || String(err) : String(err);
}

// packages/core/src/files/read.ts
import { isAscii, isUtf8 } from "node:buffer";

// packages/core/src/snapshot/format.ts
function looksLikeSnapshot(text3) {
  return /^\uFEFF?\s*\{/.test(text3) && /"mamoriSnapshot"\s*:/.test(text3.slice(0, 4096));
}

// packages/core/src/template/parsing/node.ts
var INDEXED = 12;
var indexes = /* @__PURE__ */ new WeakMap();
function getEntry(node, key) {
  if (node?.kind !== "map") return void 0;
  const entries = node.entries;
  if (entries.length < INDEXED) {
    for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
    return void 0;
  }
  let index = indexes.get(node);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const e of entries) if (!index.has(e.key)) index.set(e.key, e);
    indexes.set(node, index);
  }
  return index.get(key);
}
function get(node, key) {
  return getEntry(node, key)?.value;
}
function scalarString(node) {
  if (node?.kind !== "scalar" || node.value === null) return void 0;
  return String(node.value);
}
function intrinsicName(node) {
  if (node?.kind !== "map" || node.entries.length !== 1) return void 0;
  const key = node.entries[0]?.key;
  return key !== void 0 && (key === "Ref" || key === "Condition" || key.startsWith("Fn::")) ? key : void 0;
}
function toScalarValue(value) {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === void 0 ? null : String(value);
}
function toPlain(node) {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toPlain);
    case "map": {
      const out = {};
      for (const e of node.entries) {
        if (e.key === "__proto__") Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
        else out[e.key] = toPlain(e.value);
      }
      return out;
    }
  }
}
function walk(node, visit3) {
  const path3 = [];
  const rec = (n) => {
    visit3(n, path3);
    if (n.kind === "map") {
      for (const e of n.entries) {
        path3.push(e.key);
        rec(e.value);
        path3.pop();
      }
    } else if (n.kind === "seq") {
      for (let i = 0; i < n.items.length; i++) {
        path3.push(i);
        rec(n.items[i]);
        path3.pop();
      }
    }
  };
  rec(node);
}

// packages/core/src/template/checks.ts
var INLINE_TEMPLATE_BYTES = 51200;
var S3_TEMPLATE_BYTES = 1e6;
var SECTION_LIMITS = [
  ["Resources", 500, "resources"],
  ["Parameters", 200, "parameters"],
  ["Outputs", 200, "outputs"],
  ["Mappings", 200, "mappings"]
];
var bytes = (n) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ",");
function templateNotices(template, rawBytes, parseNotices = []) {
  const file = template.file;
  const out = [];
  if (rawBytes > S3_TEMPLATE_BYTES) {
    out.push({
      level: "warning",
      code: "not-deployable",
      file,
      message: `Template is ${bytes(rawBytes)} bytes, over the 1 MB (${bytes(S3_TEMPLATE_BYTES)} bytes) CloudFormation accepts even from S3; scanned anyway`
    });
  } else if (rawBytes > INLINE_TEMPLATE_BYTES) {
    out.push({
      level: "note",
      code: "template-limit",
      file,
      message: `Template is ${bytes(rawBytes)} bytes, over the ${bytes(INLINE_TEMPLATE_BYTES)} bytes CloudFormation accepts inline (--template-body); deploy it from S3 (--template-url, up to 1 MB)`
    });
  }
  for (const [section, limit, noun] of SECTION_LIMITS) {
    const entry = getEntry(template.root, section);
    const count2 = entry?.value.kind === "map" ? entry.value.entries.length : 0;
    if (entry && count2 > limit) {
      out.push({
        level: "warning",
        code: "not-deployable",
        file,
        line: entry.keyLoc.line,
        column: entry.keyLoc.column,
        message: `${count2} ${noun}, over the ${limit} CloudFormation allows in one template; scanned anyway`
      });
    }
  }
  for (const n of parseNotices) {
    const what = n.kind === "json-comment" ? "Comment in JSON" : "Trailing comma in JSON";
    out.push({
      level: "note",
      code: "not-deployable",
      file,
      line: n.line,
      column: n.column,
      message: `${what}: read here, but CloudFormation rejects it in a JSON template; remove it before deploying`
    });
  }
  if (template.transforms.length === 0) {
    const next = (id) => resourceDependencies(template, id);
    for (const cycle of cycles(template.resources.keys(), next)) {
      const first = template.resources.get(cycle[0] ?? "");
      out.push({
        level: "warning",
        code: "not-deployable",
        file,
        ...first ? { line: first.loc.line, column: first.loc.column } : {},
        message: `Circular dependency between resources: ${cycleText(cycle, next)}; CloudFormation rejects this template (scanned anyway)`
      });
    }
  }
  const conditions = template.conditions;
  if (conditions) {
    const names = conditions.entries.map((e) => e.key);
    const known = new Set(names);
    const next = (name) => conditionReferences(get(conditions, name), known);
    for (const cycle of cycles(names, next)) {
      const first = getEntry(conditions, cycle[0] ?? "");
      out.push({
        level: "warning",
        code: "not-deployable",
        file,
        ...first ? { line: first.keyLoc.line, column: first.keyLoc.column } : {},
        message: `Circular reference between conditions: ${cycleText(cycle, next)}; CloudFormation rejects this template (scanned anyway), and these conditions are treated as unknown`
      });
    }
  }
  return out;
}
function cycleText(component, next) {
  const first = component[0] ?? "";
  if (component.length === 1) return `${first} refers to itself`;
  const members = new Set(component);
  const cameFrom = /* @__PURE__ */ new Map();
  const queue = [first];
  for (let i = 0; i < queue.length && !cameFrom.has(first); i++) {
    const node = queue[i];
    for (const target of next(node)) {
      if (!members.has(target) || cameFrom.has(target)) continue;
      cameFrom.set(target, node);
      queue.push(target);
    }
  }
  const path3 = [first];
  for (let node = cameFrom.get(first); node !== void 0 && node !== first && path3.length <= component.length; node = cameFrom.get(node)) path3.unshift(node);
  path3.unshift(first);
  const others = component.filter((m) => !path3.includes(m));
  return `${path3.join(" \u2192 ")}${others.length > 0 ? ` (also in the cycle: ${others.join(", ")})` : ""}`;
}
var SUB_VAR = /\$\{([A-Za-z0-9_:]+)(?:\.[A-Za-z0-9_.]+)?\}/g;
function resourceDependencies(template, logicalId) {
  const res = template.resources.get(logicalId);
  if (!res) return [];
  const out = /* @__PURE__ */ new Set();
  const add = (id) => {
    if (id !== void 0 && template.resources.has(id)) out.add(id);
  };
  const dependsOn = get(res.node, "DependsOn");
  if (dependsOn?.kind === "seq") for (const item of dependsOn.items) add(scalarString(item));
  else add(scalarString(dependsOn));
  const visit3 = (node) => {
    if (node.kind === "seq") {
      for (const item of node.items) if (item.kind !== "scalar") visit3(item);
      return;
    }
    if (node.kind !== "map") return;
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : void 0;
    if (fn === "Ref") add(scalarString(arg));
    else if (fn === "Fn::GetAtt") add(arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg)?.split(".")[0]);
    else if (fn === "Fn::Sub") {
      const text3 = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
      const vars = arg?.kind === "seq" ? arg.items[1] : void 0;
      for (const m of text3?.matchAll(SUB_VAR) ?? []) {
        const name = m[1] ?? "";
        if (!getEntry(vars, name)) add(name);
      }
    }
    for (const e of node.entries) if (e.value.kind !== "scalar") visit3(e.value);
  };
  if (res.properties) visit3(res.properties);
  return [...out];
}
function conditionReferences(node, names) {
  const out = /* @__PURE__ */ new Set();
  if (node) {
    walk(node, (n) => {
      if (intrinsicName(n) !== "Condition") return;
      const name = scalarString(get(n, "Condition"));
      if (name !== void 0 && names.has(name)) out.add(name);
    });
  }
  return [...out];
}
function cycles(nodes, next) {
  const order = [...nodes];
  const position = new Map(order.map((n, i) => [n, i]));
  const index = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const onStack = /* @__PURE__ */ new Set();
  const stack = [];
  const found = [];
  let counter = 0;
  for (const start of order) {
    if (index.has(start)) continue;
    const work = [];
    const enter = (node) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: next(node).filter((n) => position.has(n)), i: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.edges.length) {
        const target = frame.edges[frame.i++];
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component = [];
      for (; ; ) {
        const member = stack.pop();
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      if (component.length > 1 || frame.edges.includes(frame.node)) {
        found.push(component.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)));
      }
    }
  }
  return found.sort((a, b) => (position.get(a[0] ?? "") ?? 0) - (position.get(b[0] ?? "") ?? 0));
}

// packages/core/src/util/append.ts
function append(target, items2) {
  for (const item of items2) target.push(item);
  return target;
}

// packages/core/src/template/resolution/foreach.ts
var SECTIONS = /* @__PURE__ */ new Set(["Resources", "Outputs", "Conditions"]);
var LOOP_PREFIX = "Fn::ForEach::";
var MAX_DEPTH = 5;
var MAX_GENERATED = 5e3;
var MAX_COPIED_NODES = 5e5;
var MAX_COPIED_CHARS = 16e6;
function occurrences(text3, identifier) {
  let n = 0;
  for (const mark of [`\${${identifier}}`, `&{${identifier}}`]) {
    for (let i = text3.indexOf(mark); i >= 0; i = text3.indexOf(mark, i + mark.length)) n++;
  }
  return n;
}
function sizeOf(node, identifier) {
  const size = { nodes: 0, chars: 0, uses: 0 };
  const text3 = (t) => {
    size.chars += t.length;
    size.uses += occurrences(t, identifier);
  };
  const stack = [node];
  for (let n = stack.pop(); n !== void 0; n = stack.pop()) {
    size.nodes++;
    if (n.kind === "seq") for (const i of n.items) stack.push(i);
    else if (n.kind === "map") {
      for (const e of n.entries) {
        text3(e.key);
        if (e.key === "Fn::Sub") {
          const sub = e.value.kind === "seq" ? e.value.items[0] : e.value;
          if (sub?.kind === "scalar" && typeof sub.value === "string") text3(sub.value);
        }
        stack.push(e.value);
      }
    }
  }
  return size;
}
var count = (n) => n.toLocaleString("en-US");
function expandForEach(root, text3, file, resolver) {
  if (!text3.includes(LOOP_PREFIX)) return { root, notifications: [] };
  const ctx = { file, resolver, notifications: [], generated: 0, copied: { nodes: 0, chars: 0 }, reported: /* @__PURE__ */ new Set() };
  const entries = root.entries.map((e) => SECTIONS.has(e.key) && e.value.kind === "map" ? { ...e, value: expandMap(e.value, ctx, 0) } : e);
  return { root: { ...root, entries }, notifications: ctx.notifications };
}
function expandNode(node, ctx, depth) {
  if (node.kind === "map") return expandMap(node, ctx, depth);
  if (node.kind === "seq") return { ...node, items: node.items.map((i) => expandNode(i, ctx, depth)) };
  return node;
}
function expandMap(map, ctx, depth) {
  if (!map.entries.some((e) => e.key.startsWith(LOOP_PREFIX) || e.value.kind !== "scalar")) return map;
  const entries = [];
  for (const e of map.entries) {
    if (e.key.startsWith(LOOP_PREFIX)) append(entries, expandLoop(e, ctx, depth));
    else entries.push({ ...e, value: expandNode(e.value, ctx, depth) });
  }
  return { ...map, entries };
}
function expandLoop(loop, ctx, depth) {
  const args = loop.value.kind === "seq" ? loop.value.items : [];
  const identifier = scalarString(args[0]);
  const body = args[2];
  const items2 = args[1] ? collection(args[1], ctx.resolver) : void 0;
  let reason;
  let tooLarge = false;
  if (args.length !== 3 || !identifier || body?.kind !== "map") reason = "it is not of the form [Identifier, Collection, {OutputKey: OutputValue}]";
  else if (!items2) reason = "its collection cannot be worked out before deployment (a literal list or a list parameter with a value or default can)";
  else if (depth >= MAX_DEPTH) reason = `it is nested more than ${MAX_DEPTH} loops deep`;
  else {
    const size = sizeOf(body, identifier);
    const chars = items2.reduce((n, item) => n + size.chars + size.uses * item.length, 0);
    tooLarge = true;
    if (ctx.generated + items2.length * body.entries.length > MAX_GENERATED) reason = `it would create more than ${count(MAX_GENERATED)} entries`;
    else if (ctx.copied.nodes + items2.length * size.nodes > MAX_COPIED_NODES) {
      reason = `with the loops expanded before it, it would copy more than ${count(MAX_COPIED_NODES)} values (${count(items2.length)} items of ${count(size.nodes)} values each)`;
    } else if (ctx.copied.chars + chars > MAX_COPIED_CHARS) {
      reason = `with the loops expanded before it, it would write more than ${count(MAX_COPIED_CHARS)} characters of names and Fn::Sub strings`;
    } else {
      tooLarge = false;
      ctx.copied.nodes += items2.length * size.nodes;
      ctx.copied.chars += chars;
    }
  }
  if (reason || !identifier || !items2 || body?.kind !== "map") {
    const key = `${loop.keyLoc.line}:${loop.keyLoc.column}`;
    if (!ctx.reported.has(key)) {
      ctx.reported.add(key);
      ctx.notifications.push({
        level: tooLarge ? "warning" : "note",
        code: "not-expanded",
        file: ctx.file,
        line: loop.keyLoc.line,
        column: loop.keyLoc.column,
        message: `${loop.key} was not expanded, so what it creates is not checked: ${reason ?? "it is malformed"}${tooLarge ? "; CloudFormation applies its quotas (1 MB, 500 resources) to the expanded template" : ""}`
      });
    }
    return [];
  }
  const out = [];
  for (const item of items2) {
    ctx.generated += body.entries.length;
    const copy = substitute(body, identifier, item);
    append(out, copy.kind === "map" ? expandMap(copy, ctx, depth + 1).entries : []);
  }
  return out;
}
function collection(node, resolver) {
  const all = resolver.values(node);
  const value = all.length === 1 ? all[0]?.value : void 0;
  if (!Array.isArray(value) || value.length === 0) return void 0;
  const items2 = value.map((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : void 0);
  return items2.every((v) => v !== void 0) ? items2 : void 0;
}
function replaceText(text3, identifier, item) {
  return text3.split(`\${${identifier}}`).join(item).split(`&{${identifier}}`).join(item.replace(/[^0-9A-Za-z]/g, ""));
}
function substitute(node, identifier, item) {
  if (node.kind === "scalar") return node;
  if (node.kind === "seq") return { ...node, items: node.items.map((i) => substitute(i, identifier, item)) };
  const fn = intrinsicName(node);
  if (fn === "Ref" && scalarString(get(node, "Ref")) === identifier) return { kind: "scalar", value: item, loc: node.loc, span: node.span };
  if (fn === "Fn::Sub") {
    const arg = get(node, "Fn::Sub");
    const entry = node.entries[0];
    if (arg && entry) {
      const vars = arg.kind === "seq" ? arg.items[1] : void 0;
      const shadowed = get(vars, identifier) !== void 0;
      const text3 = (s) => s?.kind === "scalar" && typeof s.value === "string" && !shadowed ? { ...s, value: replaceText(s.value, identifier, item) } : s;
      const value = arg.kind === "seq" ? { ...arg, items: arg.items.map((a, i) => i === 0 ? text3(a) ?? a : substitute(a, identifier, item)) } : text3(arg) ?? arg;
      return { ...node, entries: [{ ...entry, value }] };
    }
  }
  return { ...node, entries: node.entries.map((e) => ({ ...e, key: replaceText(e.key, identifier, item), value: substitute(e.value, identifier, item) })) };
}

// packages/core/src/model/lookup.ts
function own(table, key) {
  return table !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}

// packages/core/src/template/resolution/resolve.ts
var MAX_CANDIDATES = 64;
var MAX_BRANCHES = 256;
var MAX_DEPTH2 = 64;
var MAX_CONDITION_HOPS = 100;
var MAX_STEPS = 2e4;
var UNKNOWN = { value: void 0, via: [] };
var CONDITION_VIA = /^when condition (.*) is (true|false)$/;
function mergeVia(a, b) {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const seen = new Set(a);
  const out = [...a];
  for (const v of b) {
    if (seen.has(v)) continue;
    const m = CONDITION_VIA.exec(v);
    if (m && seen.has(`when condition ${m[1]} is ${m[2] === "true" ? "false" : "true"}`)) return void 0;
    seen.add(v);
    out.push(v);
  }
  return out;
}
function assumed(via, cond) {
  for (const v of via) {
    if (v === `when condition ${cond} is true`) return true;
    if (v === `when condition ${cond} is false`) return false;
  }
  return void 0;
}
var PSEUDO = {
  "AWS::Partition": "aws",
  "AWS::URLSuffix": "amazonaws.com"
};
var Resolver = class {
  constructor(template, options = {}) {
    this.template = template;
    this.options = options;
  }
  template;
  options;
  /** Conditions decided so far; `undefined` for undecidable ones, circular ones included. */
  decided = /* @__PURE__ */ new Map();
  deciding = /* @__PURE__ */ new Set();
  steps = 0;
  active = 0;
  /** Bounds met so far, and the first reason of the current question. */
  cuts = 0;
  reason;
  /** Values of nodes worked out in full: a node asked about again (a shared `Ref` target, a rule's ports) costs nothing. */
  memo = /* @__PURE__ */ new WeakMap();
  /**
   * Nodes asked about whose value was not worked out in full (too many `Fn::If` combinations, too
   * deep, too many steps), with the reason: what is known of them may be missing alternatives.
   */
  unevaluated = /* @__PURE__ */ new Map();
  /** Records that `node`'s value was not worked out in full, for a consumer that gives up on its own bound. */
  notEvaluated(node, reason) {
    if (!this.unevaluated.has(node)) this.unevaluated.set(node, reason);
  }
  cut(reason) {
    this.cuts++;
    this.reason ??= reason;
  }
  /** Runs one question; the outermost one resets the budget and records its node when a bound was met. */
  ask(node, work) {
    const outer = this.active === 0;
    if (outer) {
      this.steps = 0;
      this.reason = void 0;
    }
    const cuts = this.cuts;
    this.active++;
    try {
      return work();
    } finally {
      this.active--;
      if (outer && node && this.cuts !== cuts && this.reason) this.notEvaluated(node, this.reason);
    }
  }
  /**
   * Structural alternatives of a node: `Fn::If` branches and `Ref: AWS::NoValue` (absent). A branch
   * that contradicts what `via` already assumes (`Fn::If [C, Fn::If [C, a, b], c]`: never `b`) is not followed.
   */
  branches(node, via = [], depth = 0) {
    const fn = intrinsicName(node);
    if (fn !== "Fn::If" && fn !== "Ref") return [{ node, via }];
    return this.ask(node, () => {
      const out = [];
      this.collectBranches(node, via, depth, out);
      return out;
    });
  }
  collectBranches(node, via, depth, out) {
    if (out.length >= MAX_BRANCHES) {
      this.cut(`it has more than ${MAX_BRANCHES} Fn::If branches`);
      return;
    }
    const fn = intrinsicName(node);
    if (fn === "Ref" && scalarString(get(node, "Ref")) === "AWS::NoValue") {
      out.push({ node: void 0, via });
      return;
    }
    if (fn !== "Fn::If") {
      out.push({ node, via });
      return;
    }
    const args = get(node, "Fn::If");
    if (args?.kind !== "seq" || args.items.length !== 3) {
      out.push({ node, via });
      return;
    }
    if (depth >= MAX_DEPTH2) {
      this.cut(`its Fn::If nests more than ${MAX_DEPTH2} deep`);
      return;
    }
    const cond = scalarString(args.items[0]) ?? "?";
    const given = assumed(via, cond);
    const decided = this.condition(cond) ?? given;
    const step = (value) => given === void 0 ? [...via, `when condition ${cond} is ${value}`] : via;
    if (decided !== false) this.collectBranches(args.items[1], step(true), depth + 1, out);
    if (decided !== true) this.collectBranches(args.items[2], step(false), depth + 1, out);
  }
  /** Every value a node can take, each with the node it comes from. */
  values(node, depth = 0) {
    if (!node) return [UNKNOWN];
    const known = this.memo.get(node);
    if (known) return known.slice();
    return this.ask(node, () => {
      const cuts = this.cuts;
      const out = distinct(this.compute(node, depth).map((c) => c.at ? c : { ...c, at: node }));
      if (this.cuts === cuts) this.memo.set(node, out);
      return out.slice();
    });
  }
  compute(node, depth) {
    if (depth > MAX_DEPTH2) {
      this.cut(`its intrinsic functions nest more than ${MAX_DEPTH2} deep`);
      return [UNKNOWN];
    }
    if (++this.steps > MAX_STEPS) {
      this.cut(`working it out takes more than ${MAX_STEPS.toLocaleString("en-US")} steps`);
      return [UNKNOWN];
    }
    if (node.kind === "scalar") {
      if (typeof node.value === "string" && this.template.variables?.test(node.value)) return [UNKNOWN];
      return [{ value: node.value, via: [] }];
    }
    if (node.kind === "seq") return this.product(node.items, depth).map((c) => ({ value: c.value, via: c.via }));
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : void 0;
    switch (fn) {
      case "Ref":
        return this.ref(scalarString(arg));
      case "Fn::If": {
        const out = [];
        for (const b of this.branches(node)) {
          if (b.node === void 0) {
            out.push({ value: void 0, via: b.via });
            continue;
          }
          for (const c of this.values(b.node, depth + 1)) {
            const via = mergeVia(b.via, c.via);
            if (via) out.push({ ...c, via });
          }
          if (out.length > MAX_BRANCHES) {
            this.cut(`it has more than ${MAX_BRANCHES} Fn::If branches`);
            return out.slice(0, MAX_BRANCHES);
          }
        }
        return out;
      }
      case "Fn::Join":
        return this.join(arg, depth);
      case "Fn::Sub":
        return this.sub(arg, depth);
      case "Fn::Select":
        return this.select(arg, depth);
      case "Fn::Split":
        return this.split(arg, depth);
      case "Fn::FindInMap":
        return this.findInMap(arg, depth);
      case "Fn::GetAtt":
        return this.getAtt(arg, depth);
      case "Fn::Base64":
        return this.values(arg, depth + 1);
      default:
        return [UNKNOWN];
    }
  }
  /** `list` itself, or the unknown value (recorded) when it has more alternatives than are worked out. */
  bounded(list) {
    if (list.length <= MAX_CANDIDATES) return list;
    this.cut(`it has more than ${MAX_CANDIDATES} combinations of Fn::If branches and other alternatives`);
    return [{ value: void 0, via: [] }];
  }
  /** The single value of a node when it has exactly one known candidate. */
  value(node) {
    const all = this.values(node);
    const first = all[0]?.value;
    if (all.length === 1 || first === void 0) return first;
    const text3 = JSON.stringify(first);
    return all.every((c) => c.value !== void 0 && JSON.stringify(c.value) === text3) ? first : void 0;
  }
  /** `true`/`false` when a named condition is decidable from explicit values, else `undefined`. */
  condition(name, hops = 0) {
    if (this.decided.has(name)) return this.decided.get(name);
    if (hops > MAX_CONDITION_HOPS || this.deciding.has(name)) return void 0;
    this.deciding.add(name);
    const value = this.evalCondition(get(this.template.conditions, name), hops, 0);
    this.deciding.delete(name);
    this.decided.set(name, value);
    return value;
  }
  evalCondition(node, hops, depth) {
    if (!node || depth > MAX_DEPTH2) return void 0;
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : void 0;
    const items2 = arg?.kind === "seq" ? arg.items : [];
    switch (fn) {
      case "Condition":
        return this.condition(scalarString(arg) ?? "", hops + 1);
      case "Fn::Not": {
        const v = this.evalCondition(items2[0], hops, depth + 1);
        return v === void 0 ? void 0 : !v;
      }
      case "Fn::And": {
        const vs = items2.map((i) => this.evalCondition(i, hops, depth + 1));
        if (vs.includes(false)) return false;
        return vs.every((v) => v === true) ? true : void 0;
      }
      case "Fn::Or": {
        const vs = items2.map((i) => this.evalCondition(i, hops, depth + 1));
        if (vs.includes(true)) return true;
        return vs.every((v) => v === false) ? false : void 0;
      }
      case "Fn::Equals": {
        const [a, b] = items2.map((i) => this.decidedValue(i));
        if (a === void 0 || b === void 0) return void 0;
        return JSON.stringify(a) === JSON.stringify(b);
      }
      default:
        return void 0;
    }
  }
  /** A value usable to decide a condition: literals and explicitly given parameters only. */
  decidedValue(node) {
    if (!node) return void 0;
    if (node.kind === "scalar") return node.value === null ? null : String(node.value);
    if (intrinsicName(node) === "Ref") {
      const name = scalarString(get(node, "Ref")) ?? "";
      const given = own(this.options.parameters, name);
      if (given !== void 0) return given;
      if (name === "AWS::Region") return this.options.region;
      if (name === "AWS::AccountId") return this.options.accountId;
      return own(PSEUDO, name);
    }
    return void 0;
  }
  ref(name) {
    if (name === void 0) return [{ value: void 0, via: [] }];
    const given = own(this.options.parameters, name);
    const param = this.template.parameters.get(name);
    if (given !== void 0) {
      const shown = param?.noEcho ? `parameter ${name} (NoEcho)` : `parameter ${name} = "${given}"`;
      return [{ value: listParameter(param?.type) ? given.split(",") : given, via: [shown] }];
    }
    if (param) {
      const def = param.default;
      if (!def) return [{ value: void 0, via: [`parameter ${name}`] }];
      const v = def.kind === "scalar" ? def.value : void 0;
      if (v === void 0 || v === null) return [{ value: void 0, via: [`parameter ${name}`] }];
      const text3 = String(v);
      return [{ value: listParameter(param.type) ? text3.split(",").map((s) => s.trim()) : text3, via: [`default of parameter ${name}`] }];
    }
    if (name === "AWS::Region" && this.options.region) return [{ value: this.options.region, via: [] }];
    if (name === "AWS::AccountId" && this.options.accountId) return [{ value: this.options.accountId, via: [] }];
    return [{ value: own(PSEUDO, name), via: [] }];
  }
  product(nodes, depth) {
    let acc = [{ value: [], via: [] }];
    for (const n of nodes) {
      const next = [];
      const rights = this.values(n, depth + 1);
      for (const left of acc) {
        for (const right of rights) {
          const via = mergeVia(left.via, right.via);
          if (via) next.push({ value: left.value && right.value !== void 0 ? [...left.value, right.value] : void 0, via });
        }
        if (next.length > MAX_CANDIDATES) return this.bounded(next);
      }
      acc = next;
    }
    return acc;
  }
  join(arg, depth) {
    if (arg?.kind !== "seq" || arg.items.length !== 2) return [{ value: void 0, via: [] }];
    const sep = scalarString(arg.items[0]) ?? "";
    const list = arg.items[1];
    const lists = list?.kind === "seq" ? this.product(list.items, depth) : this.values(list, depth + 1);
    return lists.map((c) => ({
      value: Array.isArray(c.value) && c.value.every(isScalarValue) ? c.value.map((v) => v === null ? "" : String(v)).join(sep) : void 0,
      via: c.via
    }));
  }
  split(arg, depth) {
    if (arg?.kind !== "seq" || arg.items.length !== 2) return [{ value: void 0, via: [] }];
    const sep = scalarString(arg.items[0]) ?? "";
    return this.values(arg.items[1], depth + 1).map((c) => ({
      value: typeof c.value === "string" && sep ? c.value.split(sep) : void 0,
      via: c.via
    }));
  }
  select(arg, depth) {
    if (arg?.kind !== "seq" || arg.items.length !== 2) return [{ value: void 0, via: [] }];
    const out = [];
    for (const idx of this.values(arg.items[0], depth + 1)) {
      const list = arg.items[1];
      const n = Number(idx.value);
      if (intrinsicName(list) === "Fn::GetAZs") {
        out.push({ value: Number.isInteger(n) && n >= 0 ? this.zone(get(list, "Fn::GetAZs"), n, depth) : void 0, via: idx.via });
      } else if (list?.kind === "seq") {
        const item = Number.isInteger(n) ? list.items[n] : void 0;
        for (const c of item ? this.values(item, depth + 1) : [UNKNOWN]) {
          const via = mergeVia(idx.via, c.via);
          if (via) out.push({ ...c, via });
        }
      } else {
        for (const c of this.values(list, depth + 1)) {
          const via = mergeVia(idx.via, c.via);
          if (via) out.push({ value: Array.isArray(c.value) && Number.isInteger(n) ? c.value[n] : void 0, via });
        }
      }
      if (out.length > MAX_CANDIDATES) break;
    }
    return this.bounded(out);
  }
  /** Attributes that repeat a property the template writes: a VPC's or subnet's `CidrBlock`. Others are known only after deployment. */
  getAtt(arg, depth) {
    const [logicalId, attribute] = arg?.kind === "seq" ? arg.items.map(scalarString) : scalarString(arg)?.split(".") ?? [];
    const res = logicalId ? this.template.resources.get(logicalId) : void 0;
    if (!res || attribute !== "CidrBlock" || res.type !== "AWS::EC2::VPC" && res.type !== "AWS::EC2::Subnet") return [{ value: void 0, via: [] }];
    const via = `CidrBlock of ${logicalId}`;
    return this.values(get(res.properties, "CidrBlock"), depth + 1).map((c) => ({ value: c.value, via: [via, ...c.via] }));
  }
  /**
   * Zone names are only known at deploy time (and differ between accounts), so the `n`th zone of
   * `Fn::GetAZs` is a symbolic name: the same index is the same zone, different indexes differ.
   */
  zone(regionNode, n, depth) {
    const current = !regionNode || scalarString(get(regionNode, "Ref")) === "AWS::Region";
    const all = current ? [] : this.values(regionNode, depth + 1);
    const named = current ? "" : all.length === 1 ? all[0]?.value : void 0;
    const region = named === this.options.region ? "" : typeof named === "string" ? named : "?";
    return region ? `Fn::GetAZs(${region})[${n}]` : `Fn::GetAZs[${n}]`;
  }
  findInMap(arg, depth) {
    if (arg?.kind !== "seq" || arg.items.length < 3) return [UNKNOWN];
    const [m, k1, k2] = arg.items;
    const out = [];
    for (const a of this.values(m, depth + 1)) {
      for (const b of this.values(k1, depth + 1)) {
        const names = b.value === void 0 ? void 0 : [String(b.value)];
        const map = get(this.template.mappings, String(a.value));
        const entries = names ? names.map((key) => ({ key, value: get(map, key) })) : map?.kind === "map" ? map.entries : [];
        for (const { key: first, value: second } of entries) {
          for (const c of this.values(k2, depth + 1)) {
            const leaf = get(second, String(c.value));
            const via = [...a.via, ...b.via, ...c.via, ...names ? [] : [`mapping ${String(a.value)}.${first}`]];
            for (const v of leaf ? this.values(leaf, depth + 1) : [UNKNOWN]) {
              const all = mergeVia(via, v.via);
              if (all) out.push({ value: v.value, via: all });
            }
          }
          if (out.length > MAX_CANDIDATES) return this.bounded(out);
        }
      }
    }
    return out.length === 0 ? [UNKNOWN] : out;
  }
  sub(arg, depth) {
    const text3 = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
    if (text3 === void 0) return [{ value: void 0, via: [] }];
    const vars = arg?.kind === "seq" ? arg.items[1] : void 0;
    let acc = [{ value: "", via: [] }];
    const parts = text3.split(/(\$\{[^}]*\})/);
    for (const part of parts) {
      let options;
      if (part.startsWith("${!")) options = [{ value: `\${${part.slice(3)}`, via: [] }];
      else if (part.startsWith("${") && part.endsWith("}")) {
        const name = part.slice(2, -1).trim();
        const local = get(vars, name);
        options = local ? this.values(local, depth + 1) : name.includes(".") ? [{ value: void 0, via: [] }] : this.ref(name);
      } else options = [{ value: part, via: [] }];
      const next = [];
      for (const left of acc) {
        for (const o of options) {
          const via = mergeVia(left.via, o.via);
          if (via)
            next.push({ value: left.value !== void 0 && isScalarValue(o.value) && o.value !== void 0 ? left.value + String(o.value) : void 0, via });
        }
        if (next.length > MAX_CANDIDATES) return this.bounded(next);
      }
      acc = next;
    }
    return acc;
  }
};
function distinct(list) {
  if (list.length < 2) return list;
  const seen = /* @__PURE__ */ new Map();
  return list.filter((c) => {
    const key = JSON.stringify([c.value ?? null, c.value === void 0, c.via]);
    const keys = seen.get(c.at) ?? /* @__PURE__ */ new Set();
    seen.set(c.at, keys);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
function listParameter(type) {
  return type === "CommaDelimitedList" || (type?.startsWith("List<") ?? false);
}
function isScalarValue(v) {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

// packages/core/src/template/serverless.ts
var SERVERLESS_VARIABLE = /\$\{\s*(?!AWS::)[A-Za-z][\w-]*\s*[:(]/;
var SECTIONS2 = ["Resources", "Conditions", "Outputs", "Mappings", "Parameters"];
function isServerless(root) {
  if (root?.kind !== "map" || !get(root, "service")) return false;
  const provider = get(root, "provider");
  if (provider?.kind !== "map") return false;
  const name = scalarString(get(provider, "name"));
  return name === void 0 || name.toLowerCase() === "aws" || SERVERLESS_VARIABLE.test(name);
}
function looksLikeServerless(text3) {
  return /^["']?service["']?\s*:/m.test(text3) && /^["']?provider["']?\s*:/m.test(text3);
}
function serverlessTemplateRoot(file, root) {
  const notifications = [];
  const included = (node, what) => {
    const text3 = scalarString(node) ?? "";
    notifications.push({
      level: "note",
      code: "skipped",
      file,
      line: node.loc.line,
      column: node.loc.column,
      message: `${what} is ${/\$\{\s*file\(/.test(text3) ? "included from another file" : "not written here"} (${text3.slice(0, 80)}): not scanned with this file${what.startsWith("resources") ? "; scan the included file as a template" : ""}`
    });
  };
  const environment = (node, what) => {
    if (node && node.kind !== "map") included(node, what);
  };
  environment(get(get(root, "provider"), "environment"), "provider.environment");
  const functions = get(root, "functions");
  for (const group of functions?.kind === "seq" ? functions.items : [functions]) {
    if (group?.kind === "map") for (const f of group.entries) environment(get(f.value, "environment"), `functions.${f.key}.environment`);
    else if (group) included(group, "functions");
  }
  const fragments = [];
  const resources = get(root, "resources");
  if (resources?.kind === "map") fragments.push(resources);
  else if (resources?.kind === "seq") {
    resources.items.forEach((item, i) => {
      if (item.kind === "map") fragments.push(item);
      else included(item, `resources[${i}]`);
    });
  } else if (resources) included(resources, "resources");
  const sections = /* @__PURE__ */ new Map();
  const firstKey = /* @__PURE__ */ new Map();
  for (const fragment of fragments) {
    for (const e of fragment.entries) {
      if (!SECTIONS2.includes(e.key)) continue;
      if (e.value.kind !== "map") {
        included(e.value, `resources.${e.key}`);
        continue;
      }
      if (!firstKey.has(e.key)) firstKey.set(e.key, e);
      const merged = sections.get(e.key) ?? /* @__PURE__ */ new Map();
      for (const item of e.value.entries) {
        merged.delete(item.key);
        merged.set(item.key, item);
      }
      sections.set(e.key, merged);
    }
  }
  const entries = [];
  for (const [key, merged] of sections) {
    const first = firstKey.get(key);
    const items2 = [...merged.values()];
    const start = Math.min(first.value.span[0], ...items2.map((i) => i.value.span[0]));
    const end = Math.max(first.value.span[1], ...items2.map((i) => i.value.span[1]));
    entries.push({ key, keyLoc: first.keyLoc, value: { kind: "map", entries: items2, loc: first.value.loc, span: [start, end] } });
  }
  return { root: { kind: "map", entries, loc: root.loc, span: root.span }, notifications };
}

// packages/core/src/template/template.ts
function isTemplate(root) {
  if (root?.kind !== "map") return false;
  if (getEntry(root, "AWSTemplateFormatVersion")) return true;
  const resources = get(root, "Resources");
  if (resources?.kind !== "map") return false;
  return resources.entries.some((e) => scalarString(get(e.value, "Type"))?.startsWith("AWS::") || e.key.startsWith("Fn::ForEach::"));
}
function looksLikeTemplate(text3) {
  return /AWSTemplateFormatVersion/.test(text3) || /\bResources\b/.test(text3) && /["']?Type["']?\s*:\s*["']?AWS::/.test(text3) || looksLikeServerless(text3);
}
function buildTemplate(file, text3, index, parsed, options = {}) {
  const parameters = parametersOf(parsed);
  const transform = get(parsed, "Transform");
  const transforms = transform?.kind === "seq" ? transform.items.map(scalarString).filter((s) => s !== void 0) : [scalarString(transform)].filter((s) => s !== void 0);
  const mappings = get(parsed, "Mappings");
  const parsedConditions = get(parsed, "Conditions");
  const base = {
    file,
    text: text3,
    index,
    root: parsed,
    parameters,
    resources: /* @__PURE__ */ new Map(),
    mappings: mappings?.kind === "map" ? mappings : void 0,
    conditions: parsedConditions?.kind === "map" ? parsedConditions : void 0,
    transforms
  };
  const expanded = expandForEach(parsed, text3, file, new Resolver(base, options.parameters ? { parameters: options.parameters } : {}));
  const root = expanded.root;
  const conditions = get(root, "Conditions");
  return {
    ...base,
    root,
    resources: resourcesOf(root),
    conditions: conditions?.kind === "map" ? conditions : void 0,
    ...expanded.notifications.length > 0 ? { notifications: expanded.notifications } : {}
  };
}
function parametersOf(root) {
  const parameters = /* @__PURE__ */ new Map();
  const params = get(root, "Parameters");
  if (params?.kind === "map") {
    for (const e of params.entries) {
      if (e.value.kind !== "map") continue;
      const noEcho = scalarString(get(e.value, "NoEcho"));
      parameters.set(e.key, {
        name: e.key,
        node: e.value,
        type: scalarString(get(e.value, "Type")),
        default: get(e.value, "Default"),
        noEcho: noEcho === "true",
        loc: { ...e.keyLoc, logicalPath: `Parameters/${e.key}` }
      });
    }
  }
  return parameters;
}
function resourcesOf(root) {
  const resources = /* @__PURE__ */ new Map();
  const res = get(root, "Resources");
  if (res?.kind === "map") {
    for (const e of res.entries) {
      if (e.value.kind !== "map") continue;
      const type = scalarString(get(e.value, "Type"));
      if (!type) continue;
      const properties = get(e.value, "Properties");
      const metadata = get(e.value, "Metadata");
      resources.set(e.key, {
        logicalId: e.key,
        type,
        node: e.value,
        properties: properties?.kind === "map" ? properties : void 0,
        metadata: metadata?.kind === "map" ? metadata : void 0,
        condition: scalarString(get(e.value, "Condition")),
        loc: { ...e.keyLoc, logicalPath: e.key }
      });
    }
  }
  return resources;
}

// packages/core/src/files/read.ts
var HEAD_BYTES = 64 * 1024;
function readTemplateFile(absPath, file, explicit, options = {}) {
  const refuse = (message, where = {}) => ({
    notifications: [{ level: "error", code: "read-error", file, ...where, message }]
  });
  const opened = openRegular(absPath, options);
  if (isFailure(opened)) {
    if (opened.problem === "outside") return { notifications: [{ level: "note", code: "skipped", file, message: `Not read: ${failureText(opened)}` }] };
    return refuse(`Cannot read file: ${failureText(opened)}`);
  }
  let bytes3;
  try {
    let limit = MAX_FILE_BYTES;
    if (opened.size > MAX_FILE_BYTES) {
      const head = readHead(opened.fd, HEAD_BYTES);
      if (!looksLikeSnapshot(head.toString("utf8"))) return oversized(head, file, explicit, opened.size);
      if (opened.size > MAX_SNAPSHOT_BYTES) return oversizedSnapshot(file, opened.size);
      if (options.deferSnapshots) return { notifications: [], deferred: true };
      limit = MAX_SNAPSHOT_BYTES;
    }
    const read = readOpened(opened.fd, limit, opened.size);
    if (read.more)
      return limit === MAX_SNAPSHOT_BYTES ? oversizedSnapshot(file, limit + 1) : oversized(read.bytes.subarray(0, HEAD_BYTES), file, explicit, opened.size, limit);
    bytes3 = read.bytes;
  } catch (err) {
    return refuse(`Cannot read file: ${failureText({ problem: "error", error: err })}`);
  } finally {
    inputFs.close(opened.fd);
  }
  const utf16 = utf16Encoding(bytes3);
  if (utf16) {
    const decoded = new TextDecoder(utf16).decode(bytes3);
    if (!explicit && !looksLikeTemplate(decoded)) return { notifications: [], passedOver: bytes3 };
    return refuse(
      `Cannot read file: it is encoded as ${utf16.toUpperCase()}; CloudFormation reads templates as UTF-8 (convert it, e.g. iconv -f ${utf16.toUpperCase()} -t UTF-8)`
    );
  }
  const nul = bytes3.indexOf(0);
  if (nul >= 0) {
    if (!explicit && !looksLikeTemplate(bytes3.toString("latin1").replaceAll("\0", ""))) return { notifications: [], passedOver: bytes3 };
    return refuse(`Cannot read file: binary content (a NUL byte at offset ${nul}), not a template`);
  }
  if (isAscii(bytes3) || isUtf8(bytes3)) return { text: bytes3.toString("utf8"), notifications: [] };
  const bad = firstInvalidUtf8(bytes3);
  if (bad >= 0) {
    if (!explicit && !looksLikeTemplate(bytes3.toString("latin1"))) return { notifications: [], passedOver: bytes3 };
    const where = positionOf(bytes3, bad);
    const byte = (bytes3[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return refuse(
      `Cannot read file: not valid UTF-8 (byte 0x${byte} at line ${where.line}, column ${where.column}); CloudFormation reads templates as UTF-8`,
      where
    );
  }
  return { text: bytes3.toString("utf8"), notifications: [] };
}
function oversized(head, file, explicit, size, readLimit) {
  const meant = explicit || looksLikeTemplate(head.toString("latin1"));
  const what = readLimit === void 0 ? `${bytes(size)} bytes (${mib(size)}) is` : `it holds more than ${bytes(readLimit)} bytes (its size said ${bytes(size)}),`;
  const message = `Not scanned: ${what} over mamori's ${mib(MAX_FILE_BYTES)} limit for a template file (CloudFormation accepts at most 1 MB)`;
  return { notifications: [{ level: meant ? "error" : "note", code: "skipped", file, message }] };
}
function oversizedSnapshot(file, size) {
  const message = `Not scanned: an account snapshot of ${bytes(size)} bytes (${mib(size)}) is over mamori's ${mib(MAX_SNAPSHOT_BYTES)} limit for a snapshot; collect fewer regions into each (mamori collect --region)`;
  return { notifications: [{ level: "error", code: "skipped", file, message }] };
}
function utf16Encoding(bytes3) {
  if (bytes3[0] === 255 && bytes3[1] === 254) return "utf-16le";
  if (bytes3[0] === 254 && bytes3[1] === 255) return "utf-16be";
  const sample = bytes3.subarray(0, 256 - Math.min(bytes3.length, 256) % 2);
  if (sample.length < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = sample.length / 2;
  if (oddNul === half && evenNul === 0) return "utf-16le";
  if (evenNul === half && oddNul === 0) return "utf-16be";
  return void 0;
}
function firstInvalidUtf8(bytes3) {
  let i = 0;
  const n = bytes3.length;
  while (i < n) {
    const b = bytes3[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else return i;
    let cp = b & 255 >> need + 2;
    for (let k = 1; k <= need; k++) {
      const c = bytes3[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp >= 55296 && cp <= 57343 || cp > 1114111) return i;
    i += need + 1;
  }
  return -1;
}
function positionOf(bytes3, offset) {
  const before = bytes3.subarray(0, offset);
  const lineStart = before.lastIndexOf(10) + 1;
  let line = 1;
  for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) line++;
  const bom = lineStart === 0 && bytes3[0] === 239 && bytes3[1] === 187 && bytes3[2] === 191 ? 3 : 0;
  const column = bytes3.subarray(lineStart + bom, Math.max(offset, lineStart + bom)).toString("utf8").length + 1;
  return { line, column };
}
function decodeText(bytes3) {
  const utf16 = utf16Encoding(bytes3);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes3), encoding: utf16 };
  if (bytes3.subarray(0, 8192).includes(0)) return { binary: true };
  if (isAscii(bytes3)) return { text: bytes3.toString("latin1"), encoding: "utf-8" };
  if (isUtf8(bytes3)) {
    const text3 = bytes3.toString("utf8");
    return { text: text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3, encoding: "utf-8" };
  }
  return { text: windows1252(bytes3), encoding: "windows-1252" };
}
var CP1252_HIGH = "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178";
function windows1252(bytes3) {
  return bytes3.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 128]);
}

// packages/core/src/secrets/detect.ts
var ACCESS_KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g;
var SECRET_LENGTH = 40;
var KEY_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+") KEY_CHAR[c.charCodeAt(0)] = 1;
var isKeyChar = (c) => c < 128 && KEY_CHAR[c] === 1;
function secretCandidates(text3) {
  const out = [];
  const n = text3.length;
  let i = 0;
  while (i + SECRET_LENGTH <= n) {
    const probe = i + SECRET_LENGTH - 1;
    if (!isKeyChar(text3.charCodeAt(probe))) {
      i = probe + 1;
      continue;
    }
    let start = probe;
    while (start > i && isKeyChar(text3.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < n && isKeyChar(text3.charCodeAt(end))) end++;
    if (end - start === SECRET_LENGTH && text3.charCodeAt(end) !== 61) out.push(start);
    i = end + 1;
  }
  return out;
}
var SECRET_CONTEXT = /secret|aws_?sak|sk_?aws/i;
var CONTEXT_LINES = 3;
function isDocumentationExample(value) {
  return value.includes("EXAMPLE");
}
function redact(type, value) {
  return type === "aws-access-key-id" ? `${value.slice(0, 4)}${"*".repeat(12)}${value.slice(-4)}` : `${value.slice(0, 4)}${"*".repeat(36)}`;
}
var counts = new Uint8Array(128);
function looksRandom(value) {
  let lower = false;
  let upper = false;
  let digit = false;
  counts.fill(0);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    counts[c & 127] = (counts[c & 127] ?? 0) + 1;
  }
  if (!lower || !upper || !digit) return false;
  let bits = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits >= 4;
}
function decodeEscapes(text3) {
  let first = text3.indexOf("\\");
  while (first >= 0 && !escapeAt(text3, first)) first = text3.indexOf("\\", first + 1);
  if (first < 0) return void 0;
  const parts = [];
  const at = [];
  const from = [];
  const width = [];
  let copied = 0;
  let decodedLength = 0;
  for (let i = first; i >= 0 && i < text3.length; i = text3.indexOf("\\", i)) {
    const esc = escapeAt(text3, i);
    if (!esc) {
      i++;
      continue;
    }
    parts.push(text3.slice(copied, i), esc.char);
    decodedLength += i - copied;
    at.push(decodedLength);
    from.push(i);
    width.push(esc.length);
    decodedLength += 1;
    i += esc.length;
    copied = i;
  }
  parts.push(text3.slice(copied));
  const toSource = (offset) => {
    let lo = 0;
    let hi = at.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if ((at[mid] ?? 0) <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return offset;
    const d = at[k] ?? 0;
    const s = from[k] ?? 0;
    return offset === d ? s : s + (width[k] ?? 1) + (offset - d - 1);
  };
  return { text: parts.join(""), toSource };
}
function escapeAt(text3, i) {
  const next = text3.charCodeAt(i + 1);
  if (next === 47 || next === 92 || next === 34) return { char: text3[i + 1] ?? "", length: 2 };
  if (next !== 117) return void 0;
  const hex = text3.slice(i + 2, i + 6);
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return void 0;
  const code = Number.parseInt(hex, 16);
  return code >= 32 && code <= 126 ? { char: String.fromCharCode(code), length: 6 } : void 0;
}
function findSecrets(text3) {
  const decoded = decodeEscapes(text3);
  if (!decoded) return search(text3);
  return search(decoded.text).map((s) => {
    const last = decoded.toSource(s.end - 1);
    return { ...s, start: decoded.toSource(s.start), end: last + sourceWidth(text3, last) };
  });
}
function sourceWidth(text3, at) {
  return text3.charCodeAt(at) === 92 ? escapeAt(text3, at)?.length ?? 1 : 1;
}
function search(text3) {
  const out = [];
  const keyIdStarts = [];
  for (const m of text3.matchAll(ACCESS_KEY_ID)) {
    const value = m[1] ?? "";
    const start = m.index ?? 0;
    keyIdStarts.push(start);
    if (isDocumentationExample(value)) continue;
    out.push({ type: "aws-access-key-id", start, end: start + value.length, redacted: redact("aws-access-key-id", value), evidence: "access key id prefix" });
  }
  const candidates = secretCandidates(text3);
  if (candidates.length === 0) return out;
  const starts = [0];
  for (let i = text3.indexOf("\n"); i >= 0; i = text3.indexOf("\n", i + 1)) starts.push(i + 1);
  const lines = starts.length;
  const keyIdsUpTo = new Int32Array(lines + 1);
  {
    let line2 = 0;
    for (const start of keyIdStarts) {
      while (line2 + 1 < lines && (starts[line2 + 1] ?? 0) <= start) line2++;
      keyIdsUpTo[line2 + 1] = (keyIdsUpTo[line2 + 1] ?? 0) + 1;
    }
    for (let l = 1; l <= lines; l++) keyIdsUpTo[l] = (keyIdsUpTo[l] ?? 0) + (keyIdsUpTo[l - 1] ?? 0);
  }
  const nameEnd = new Int32Array(lines).fill(-2);
  const keyNameEnd = (line2) => {
    const known = nameEnd[line2] ?? -1;
    if (known !== -2) return known;
    const from = starts[line2] ?? 0;
    const m = SECRET_CONTEXT.exec(text3.slice(from, (starts[line2 + 1] ?? text3.length + 1) - 1));
    const end = m ? from + m.index + m[0].length : -1;
    nameEnd[line2] = end;
    return end;
  };
  let line = 0;
  for (const start of candidates) {
    const value = text3.slice(start, start + SECRET_LENGTH);
    if (isDocumentationExample(value) || !looksRandom(value)) continue;
    while (line + 1 < lines && (starts[line + 1] ?? 0) <= start) line++;
    let evidence;
    const own2 = keyNameEnd(line);
    if (own2 >= 0 && own2 <= start) evidence = "secret key name";
    for (let l = line - 1; l >= Math.max(0, line - CONTEXT_LINES) && !evidence; l--) if (keyNameEnd(l) >= 0) evidence = "secret key name nearby";
    if (!evidence) {
      const from = Math.max(0, line - CONTEXT_LINES);
      const to = Math.min(lines, line + CONTEXT_LINES + 1);
      if ((keyIdsUpTo[to] ?? 0) - (keyIdsUpTo[from] ?? 0) > 0) evidence = "next to an access key id";
    }
    if (!evidence) continue;
    out.push({ type: "aws-secret-access-key", start, end: start + value.length, redacted: redact("aws-secret-access-key", value), evidence });
  }
  return out.sort((a, b) => a.start - b.start);
}
function redactSecretsIn(name) {
  let out = name.replace(ACCESS_KEY_ID, (whole, id) => isDocumentationExample(id) ? whole : redact("aws-access-key-id", id));
  const starts = secretCandidates(out).filter((i) => looksRandom(out.slice(i, i + SECRET_LENGTH)));
  for (const i of starts.reverse())
    out = `${out.slice(0, i)}${redact("aws-secret-access-key", out.slice(i, i + SECRET_LENGTH))}${out.slice(i + SECRET_LENGTH)}`;
  return out;
}
var MAX_SECRETS_PER_FILE = 1e3;
function tooManySecrets(total, file) {
  if (total <= MAX_SECRETS_PER_FILE) return void 0;
  const n = (v) => v.toLocaleString("en-US");
  return {
    level: "warning",
    code: "truncated",
    file,
    message: `${n(total)} AWS keys found in this file: the first ${n(MAX_SECRETS_PER_FILE)} are reported, ${n(total - MAX_SECRETS_PER_FILE)} more are not listed`
  };
}
function secretIds(place, secrets, scopes) {
  const seen = /* @__PURE__ */ new Map();
  return secrets.map((s, i) => {
    const scope = scopes?.[i] ?? "";
    const key = `${scope}@${s.type}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${place}${scope}@${s.type}:${n}`;
  });
}
function secretEntity(id, s, location, where, encoding) {
  return {
    kind: "Secret",
    id,
    source: "template",
    location,
    displayName: where,
    secretType: s.type,
    redacted: s.redacted,
    evidence: s.evidence,
    where,
    ...encoding ? { encoding } : {}
  };
}

// node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text3, ignoreTrivia = false) {
  const len = text3.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count2, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count2 || !exact) {
      let ch = text3.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count2) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text3.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text3.length && isDigit(text3.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text3.length && text3.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text3.length && isDigit(text3.charCodeAt(pos))) {
        pos++;
        while (pos < text3.length && isDigit(text3.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text3.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text3.length && (text3.charCodeAt(pos) === 69 || text3.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text3.length && text3.charCodeAt(pos) === 43 || text3.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text3.length && isDigit(text3.charCodeAt(pos))) {
        pos++;
        while (pos < text3.length && isDigit(text3.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text3.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text3.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text3.charCodeAt(pos);
      if (ch === 34) {
        result += text3.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text3.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text3.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text3.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text3.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text3.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text3.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text3.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text3.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text3.substring(start, pos);
          return token = 12;
        }
        if (text3.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text3.charCodeAt(pos);
            if (ch === 42 && text3.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text3.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text3.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text3.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text3.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text3.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function visit(text3, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text3, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var visit2 = visit;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// packages/core/src/template/parsing/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);

// packages/core/src/template/parsing/line-index.ts
var LineIndex = class {
  constructor(file, text3) {
    this.file = file;
    for (let i = text3.indexOf("\n"); i >= 0; i = text3.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  file;
  starts = [0];
  /** The line of the last lookup: a parse asks in document order, mostly about the same line or the next. */
  last = 0;
  position(offset) {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }
  location(start, end) {
    const to = Math.max(start, end);
    const line = this.lineOf(start);
    const endLine = this.lineOf(to);
    return {
      file: this.file,
      line: line + 1,
      column: start - (this.starts[line] ?? 0) + 1,
      endLine: endLine + 1,
      endColumn: to - (this.starts[endLine] ?? 0) + 1
    };
  }
  /** 0-based line holding `offset`: the last line or the next when it is there, else by bisection. */
  lineOf(offset) {
    const starts = this.starts;
    const n = starts.length;
    for (let line = this.last; line < this.last + 2 && line < n; line++) {
      if ((starts[line] ?? 0) <= offset && (line + 1 === n || offset < (starts[line + 1] ?? 0))) {
        this.last = line;
        return line;
      }
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }
};

// packages/core/src/template/parsing/short-form.ts
function shortTagToIntrinsic(tag) {
  if (!tag.startsWith("!") || tag.startsWith("!!")) return void 0;
  const name = tag.slice(1);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return void 0;
  return name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
}
function wrapIntrinsic(name, value, span, loc) {
  let inner = value;
  if (name === "Fn::GetAtt" && value.kind === "scalar" && typeof value.value === "string") {
    const dot = value.value.indexOf(".");
    if (dot > 0) {
      inner = {
        kind: "seq",
        span: value.span,
        loc: value.loc,
        items: [
          { ...value, value: value.value.slice(0, dot) },
          { ...value, value: value.value.slice(dot + 1) }
        ]
      };
    }
  }
  return { kind: "map", span, loc, entries: [{ key: name, keyLoc: loc, value: inner }] };
}
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13 || c > 127 && /\s/.test(String.fromCharCode(c));
}

// packages/core/src/template/parsing/yaml-fast.ts
var import_yaml = __toESM(require_dist(), 1);
function readYamlFast(text3, index, limits) {
  try {
    const tokens = lex(text3);
    return tokens && new Reader(text3, index, tokens, limits).document();
  } catch {
    return void 0;
  }
}
var GIVE_UP = /* @__PURE__ */ Symbol("give up");
var DOCUMENT = import_yaml.CST.DOCUMENT;
var SCALAR = import_yaml.CST.SCALAR;
function lex(text3) {
  const tokens = { type: [], source: [], offset: [], column: [], first: [], indent: [] };
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let atNewLine = true;
  let indent = 0;
  let scalarNext = false;
  let documents = 0;
  let header = 0;
  for (const lexeme of new import_yaml.Lexer().lex(text3)) {
    let type;
    if (scalarNext) {
      type = 14 /* Plain */;
      scalarNext = false;
    } else if (lexeme === DOCUMENT) {
      if (++documents > 1) return void 0;
      continue;
    } else if (lexeme === SCALAR) {
      scalarNext = true;
      continue;
    } else {
      const c = lexeme.charCodeAt(0);
      switch (lexeme.length === 1 ? c : lexeme === "" || lexeme === "\r\n" ? 10 : lexeme === "---" ? -1 : -2) {
        case -1:
          type = 15 /* DocStart */;
          break;
        case 10:
          type = 0 /* Newline */;
          break;
        case 45:
          type = 3 /* SeqInd */;
          break;
        case 58:
          type = 4 /* Colon */;
          break;
        case 123:
          type = 5 /* FlowMapStart */;
          break;
        case 125:
          type = 6 /* FlowMapEnd */;
          break;
        case 91:
          type = 7 /* FlowSeqStart */;
          break;
        case 93:
          type = 8 /* FlowSeqEnd */;
          break;
        case 44:
          type = 9 /* Comma */;
          break;
        default:
          switch (c) {
            case 32:
              type = 1 /* Space */;
              break;
            case 35:
              type = 2 /* Comment */;
              break;
            case 33:
              type = 10 /* Tag */;
              break;
            case 39:
              type = 11 /* SingleQuoted */;
              break;
            case 34:
              type = 12 /* DoubleQuoted */;
              break;
            case 124:
            // '|'
            case 62:
              type = 13 /* BlockHeader */;
              break;
            default:
              return void 0;
          }
      }
    }
    tokens.type.push(type);
    tokens.source.push(lexeme);
    tokens.offset.push(offset);
    tokens.column.push(offset - lineStart);
    tokens.first.push(atLineStart);
    tokens.indent.push(indent);
    offset += lexeme.length;
    if (type === 0 /* Newline */) {
      lineStart = offset;
      atLineStart = true;
      atNewLine = true;
      indent = 0;
    } else if (type === 1 /* Space */) {
      if (atNewLine && lexeme.includes("	")) return void 0;
      if (atNewLine) indent += lexeme.length;
    } else if (type === 3 /* SeqInd */ || type === 4 /* Colon */) {
      atLineStart = false;
      if (atNewLine) indent += lexeme.length;
    } else {
      const body = type === 14 /* Plain */ && header === 2;
      atLineStart = body;
      atNewLine = body;
      if (body) indent = 0;
      const nl = lexeme.lastIndexOf("\n");
      if (nl >= 0) {
        lineStart = offset - lexeme.length + nl + 1;
        if (nl === lexeme.length - 1) {
          atLineStart = true;
          atNewLine = true;
          indent = 0;
        }
      }
    }
    if (type === 13 /* BlockHeader */) header = 1;
    else if (header === 1 && type === 0 /* Newline */) header = 2;
    else if (header !== 1 || type !== 1 /* Space */ && type !== 2 /* Comment */) header = 0;
  }
  tokens.type.push(16 /* Eof */);
  tokens.source.push("");
  tokens.offset.push(offset);
  tokens.column.push(offset - lineStart);
  tokens.first.push(true);
  tokens.indent.push(0);
  return tokens;
}
var CORE_TAGS = new import_yaml.Schema({}).tags.filter((tag) => tag.default === true && tag.test !== void 0 && !tag.collection);
var RESOLVE_OPTIONS = { intAsBigInt: false };
function plainValue(source) {
  const c = source.charCodeAt(0);
  const maybeNotString = source.length === 0 || c === 126 || // ~
  c === 110 || // n
  c === 78 || // N
  c === 116 || // t
  c === 84 || // T
  c === 102 || // f
  c === 70 || // F
  c === 43 || // +
  c === 45 || // -
  c === 46 || // .
  c >= 48 && c <= 57;
  if (!maybeNotString) return source;
  for (const tag of CORE_TAGS) {
    if (!tag.test?.test(source)) continue;
    let failed = false;
    const res = tag.resolve(
      source,
      () => {
        failed = true;
      },
      RESOLVE_OPTIONS
    );
    if (failed) throw GIVE_UP;
    return toScalarValue((0, import_yaml.isScalar)(res) ? res.value : res);
  }
  return source;
}
var Reader = class {
  constructor(text3, index, tokens, limits) {
    this.text = text3;
    this.index = index;
    this.limits = limits;
    this.type = tokens.type;
    this.source = tokens.source;
    this.offset = tokens.offset;
    this.column = tokens.column;
    this.first = tokens.first;
    this.indent = tokens.indent;
  }
  text;
  index;
  limits;
  i = 0;
  count = 0;
  /** Where the value just read ends with its trailing tokens: `yaml`'s `range[2]`. */
  valueEnd = 0;
  /** Whether that value keeps trailing tokens (scalars and flow collections) that comment lines can join. */
  valueHasEnd = false;
  /** Whether its last trailing token is a comment, so a line break joins it too. */
  lastIsComment = false;
  /** End of the blank and comment lines read after the value, that belong to no value; -1 for none. */
  pendingEnd = -1;
  /** The deepest indent of a comment among those lines; -1 for none. */
  pendingDeepest = -1;
  type;
  source;
  offset;
  column;
  first;
  indent;
  document() {
    this.skipBlank();
    if (this.type[this.i] === 15 /* DocStart */) {
      if (this.column[this.i] !== 0) throw GIVE_UP;
      this.i++;
      this.skipSpace();
      if (this.type[this.i] !== 0 /* Newline */) throw GIVE_UP;
      this.skipBlank();
    }
    const t = this.type[this.i];
    if (t === 16 /* Eof */ || !this.first[this.i]) throw GIVE_UP;
    const col = this.column[this.i] ?? 0;
    let root;
    if (t === 3 /* SeqInd */) root = this.blockSeq(col, 0);
    else if (this.isKeyAt(this.i)) root = this.blockMap(col, 0);
    else throw GIVE_UP;
    if (this.type[this.i] !== 16 /* Eof */) throw GIVE_UP;
    return { root };
  }
  end(j) {
    return (this.offset[j] ?? 0) + (this.source[j] ?? "").length;
  }
  /** Skips spaces, line breaks and comments before the document's content. */
  skipBlank() {
    for (; ; ) {
      const t = this.type[this.i];
      if (t !== 2 /* Comment */ && t !== 1 /* Space */ && t !== 0 /* Newline */) return;
      this.i++;
    }
  }
  /** Skips spaces on the line. */
  skipSpace() {
    while (this.type[this.i] === 1 /* Space */) this.i++;
  }
  /** After a scalar or flow collection: only spaces and a comment may end its line; they and the line break are its trailing tokens. */
  endOfLine(valueEnd) {
    let end = valueEnd;
    while (this.type[this.i] === 1 /* Space */) end = this.end(this.i++);
    if (this.type[this.i] === 2 /* Comment */) end = this.end(this.i++);
    const t = this.type[this.i];
    if (t === 0 /* Newline */) end = this.end(this.i++);
    else if (t !== 16 /* Eof */) throw GIVE_UP;
    this.valueEnd = end;
    this.valueHasEnd = true;
    this.lastIsComment = false;
  }
  /**
   * Reads the blank and comment lines after a value of a collection whose indent is `indent`, as
   * `yaml`'s parser files them: a comment line indented under the value joins the value's trailing
   * tokens (when it has them); others are left to the collection, past its last value.
   */
  trivia(indent) {
    let pending = -1;
    let blank = true;
    let deepest = -1;
    for (; ; ) {
      const t = this.type[this.i];
      if (t !== 1 /* Space */ && t !== 0 /* Newline */ && t !== 2 /* Comment */) break;
      const end = this.end(this.i);
      if (t === 0 /* Newline */) {
        if (pending >= 0) pending = end;
        else if (this.valueHasEnd && this.lastIsComment) {
          this.valueEnd = end;
          this.lastIsComment = false;
        } else {
          pending = end;
          blank = true;
          deepest = -1;
        }
      } else if (pending < 0) {
        pending = end;
        blank = t === 1 /* Space */;
        deepest = t === 2 /* Comment */ ? this.indent[this.i] ?? 0 : -1;
      } else if (t === 2 /* Comment */ && blank && this.valueHasEnd && (this.indent[this.i] ?? 0) > indent) {
        this.valueEnd = end;
        this.lastIsComment = true;
        pending = -1;
      } else {
        pending = end;
        if (t === 2 /* Comment */) {
          blank = false;
          deepest = Math.max(deepest, this.indent[this.i] ?? 0);
        }
      }
      this.i++;
    }
    this.pendingEnd = pending;
    this.pendingDeepest = deepest;
  }
  /** Whether the token at `j` is a one-line key followed by `:`. */
  isKeyAt(j) {
    const t = this.type[j];
    if (t !== 14 /* Plain */ && t !== 11 /* SingleQuoted */ && t !== 12 /* DoubleQuoted */) return false;
    let k = j + 1;
    while (this.type[k] === 1 /* Space */) k++;
    return this.type[k] === 4 /* Colon */;
  }
  counted(depth) {
    if (++this.count > this.limits.maxNodes || depth > this.limits.maxDepth) throw GIVE_UP;
  }
  span(start, end) {
    let e = end;
    while (e > start && isSpace(this.text.charCodeAt(e - 1))) e--;
    return [start, e];
  }
  /**
   * Ends a block collection at indent `col`; gives where its span ends, where its last value ends.
   * The blank and comment lines after that value move up to its parent when they are not indented
   * as deep as the collection (`yaml`'s parser does this as it pops a collection); else they stay,
   * and count for its parent's span.
   */
  closeCollection(col) {
    const last = this.valueEnd;
    const moves = this.pendingEnd >= 0 && (col === 0 || this.pendingDeepest < col);
    this.valueEnd = this.pendingEnd >= 0 && !moves ? this.pendingEnd : last;
    if (!moves) {
      this.pendingEnd = -1;
      this.pendingDeepest = -1;
    }
    this.valueHasEnd = false;
    this.lastIsComment = false;
    return last;
  }
  blockMap(col, depth) {
    this.counted(depth);
    const start = this.offset[this.i] ?? 0;
    const entries = [];
    let seen;
    for (; ; ) {
      const keyAt = this.i;
      if (!this.isKeyAt(keyAt)) throw GIVE_UP;
      const keyStart = this.offset[keyAt] ?? 0;
      const key = String(this.flowScalarValue(keyAt));
      const keyEnd = this.end(keyAt);
      if (seen) {
        if (seen.has(key)) throw GIVE_UP;
        seen.add(key);
      } else {
        for (const e of entries) if (e.key === key) throw GIVE_UP;
        if (entries.length >= 8) seen = /* @__PURE__ */ new Set([...entries.map((e) => e.key), key]);
      }
      this.i = keyAt + 1;
      this.skipSpace();
      const colonEnd = this.end(this.i);
      this.i++;
      const value = this.value(col, depth + 1, true, colonEnd);
      entries.push({ key, keyLoc: this.index.location(keyStart, keyEnd), value });
      const t = this.type[this.i];
      if (t === 16 /* Eof */) break;
      const c = this.column[this.i] ?? 0;
      if (!this.first[this.i]) throw GIVE_UP;
      if (c < col) break;
      if (c !== col || t === 3 /* SeqInd */) throw GIVE_UP;
    }
    const span = this.span(start, this.closeCollection(col));
    return { kind: "map", entries, span, loc: this.index.location(span[0], span[1]) };
  }
  blockSeq(col, depth) {
    this.counted(depth);
    const start = this.offset[this.i] ?? 0;
    const items2 = [];
    for (; ; ) {
      const dashEnd = this.end(this.i);
      this.i++;
      items2.push(this.value(col, depth + 1, false, dashEnd));
      const t = this.type[this.i];
      if (t === 16 /* Eof */) break;
      const c = this.column[this.i] ?? 0;
      if (!this.first[this.i]) throw GIVE_UP;
      if (c === col && t === 3 /* SeqInd */) continue;
      if (c <= col) break;
      throw GIVE_UP;
    }
    const span = this.span(start, this.closeCollection(col));
    return { kind: "seq", items: items2, span, loc: this.index.location(span[0], span[1]) };
  }
  /**
   * The value after a map's `:` or a sequence's `-` at column `col` (`after`: where that indicator
   * ends): on the same line, or on the lines below, indented more (a sequence under a map key may
   * share the key's column). Leaves the reader at the next content token, its trailing lines read.
   */
  value(col, depth, inMap, after) {
    this.skipSpace();
    let tag;
    if (this.type[this.i] === 10 /* Tag */) {
      tag = this.tag();
      this.skipSpace();
    }
    let t = this.type[this.i];
    let node;
    if (t === 2 /* Comment */ || t === 0 /* Newline */ || t === 16 /* Eof */) {
      const emptyAt = this.offset[this.i] ?? after;
      const ownLine = this.i;
      this.skipBlank();
      t = this.type[this.i];
      const c = this.column[this.i] ?? 0;
      if (t !== 16 /* Eof */ && t === 3 /* SeqInd */ && (c > col || inMap && c === col)) {
        node = this.blockSeq(c, depth);
      } else if (t !== 16 /* Eof */ && c > col) {
        node = this.nodeOnOwnLine(c, depth, col);
      } else {
        for (let j = ownLine; j < this.i; j++) if (this.type[j] === 2 /* Comment */) throw GIVE_UP;
        this.counted(depth);
        this.valueEnd = emptyAt;
        this.valueHasEnd = false;
        this.lastIsComment = false;
        this.pendingEnd = -1;
        this.pendingDeepest = -1;
        const empty = { kind: "scalar", value: tag ? "" : null, span: [emptyAt, emptyAt], loc: this.index.location(emptyAt, emptyAt) };
        return tag ? this.wrap(tag, empty) : empty;
      }
    } else if (t === 3 /* SeqInd */) {
      if (inMap || tag) throw GIVE_UP;
      node = this.blockSeq(this.column[this.i] ?? 0, depth);
    } else if (!inMap && this.isKeyAt(this.i)) {
      if (tag) throw GIVE_UP;
      node = this.blockMap(this.column[this.i] ?? 0, depth);
    } else {
      node = this.inline(depth, tag !== void 0, col);
    }
    return tag ? this.wrap(tag, node) : node;
  }
  /**
   * A local tag (`!Name`). Short-form intrinsics become their long form; another local tag (`!Rain::Embed`)
   * leaves its value as written. Tags the full parser resolves or may refuse (`!!str`, `!<...>`, `!h!x`,
   * `%` escapes, a bare `!`) are its to read.
   */
  tag() {
    const source = this.source[this.i] ?? "";
    if (source.length < 2 || source.indexOf("!", 1) >= 0 || source.includes("%") || source.charCodeAt(1) === 60) throw GIVE_UP;
    const tag = { source, offset: this.offset[this.i] ?? 0, intrinsic: shortTagToIntrinsic(source) };
    this.i++;
    const next = this.type[this.i];
    if (next !== 1 /* Space */ && next !== 0 /* Newline */ && next !== 16 /* Eof */) throw GIVE_UP;
    return tag;
  }
  /** A value that starts its own line at column `c`: a map, or a scalar or flow collection alone on it. */
  nodeOnOwnLine(c, depth, parentIndent) {
    if (this.isKeyAt(this.i)) return this.blockMap(c, depth);
    return this.inline(depth, false, parentIndent);
  }
  /**
   * A scalar or a flow collection alone on the rest of its line, or a block scalar from its header
   * on, then the lines after it, read for the collection whose indent is `parentIndent`.
   */
  inline(depth, tagged, parentIndent) {
    const t = this.type[this.i];
    let node;
    if (t === 13 /* BlockHeader */) {
      node = this.blockScalar(depth, parentIndent);
    } else {
      node = t === 7 /* FlowSeqStart */ || t === 5 /* FlowMapStart */ ? this.flow(depth) : this.scalar(depth, tagged);
      this.endOfLine(this.end(this.i - 1));
    }
    this.trivia(parentIndent);
    return node;
  }
  scalar(depth, tagged) {
    const j = this.i;
    const t = this.type[j];
    if (t !== 14 /* Plain */ && t !== 11 /* SingleQuoted */ && t !== 12 /* DoubleQuoted */) throw GIVE_UP;
    this.counted(depth);
    const start = this.offset[j] ?? 0;
    const value = tagged && t === 14 /* Plain */ ? this.plainSource(j) : this.flowScalarValue(j);
    this.i++;
    const span = this.span(start, this.end(j));
    return { kind: "scalar", value, span, loc: this.index.location(span[0], span[1]) };
  }
  plainSource(j) {
    const source = this.source[j] ?? "";
    if (source.includes("\n")) throw GIVE_UP;
    const c = source.charCodeAt(0);
    if (c === 44 || c === 37 || c === 64 || c === 96 || c === 124 || c === 62) throw GIVE_UP;
    return source;
  }
  /** The value of a one-line plain or quoted scalar. */
  flowScalarValue(j) {
    const t = this.type[j];
    const source = this.source[j] ?? "";
    if (t === 14 /* Plain */) return plainValue(this.plainSource(j));
    if (source.includes("\n") || source.includes("\r")) throw GIVE_UP;
    if (t === 11 /* SingleQuoted */) {
      if (source.length < 2 || source.charCodeAt(source.length - 1) !== 39) throw GIVE_UP;
      return source.slice(1, -1).replaceAll("''", "'");
    }
    let failed = false;
    const resolved = import_yaml.CST.resolveAsScalar({ type: "double-quoted-scalar", offset: this.offset[j] ?? 0, indent: 0, source }, false, () => {
      failed = true;
    });
    if (failed || !resolved) throw GIVE_UP;
    return resolved.value;
  }
  /** A block scalar; its lines are indented relative to `parentIndent`, its collection's indent, as `yaml`'s parser has it. */
  blockScalar(depth, parentIndent) {
    this.counted(depth);
    const j = this.i;
    const start = this.offset[j] ?? 0;
    const indent = parentIndent;
    const props = [{ type: "block-scalar-header", offset: start, indent, source: this.source[j] ?? "" }];
    this.i++;
    for (; ; ) {
      const t = this.type[this.i];
      const source = this.source[this.i] ?? "";
      const offset = this.offset[this.i] ?? 0;
      if (t === 1 /* Space */) props.push({ type: "space", offset, indent: 0, source });
      else if (t === 2 /* Comment */) props.push({ type: "comment", offset, indent: 0, source });
      else if (t === 0 /* Newline */) {
        props.push({ type: "newline", offset, indent: 0, source });
        this.i++;
        break;
      } else throw GIVE_UP;
      this.i++;
    }
    let body = "";
    if (this.type[this.i] === 14 /* Plain */) {
      body = this.source[this.i] ?? "";
      this.i++;
    }
    let failed = false;
    const token = { type: "block-scalar", offset: start, indent, props, source: body };
    const resolved = import_yaml.CST.resolveAsScalar(token, false, () => {
      failed = true;
    });
    if (failed || !resolved) throw GIVE_UP;
    this.valueEnd = resolved.range[2];
    this.valueHasEnd = false;
    this.lastIsComment = false;
    const span = this.span(start, resolved.range[1]);
    return { kind: "scalar", value: resolved.value, span, loc: this.index.location(span[0], span[1]) };
  }
  /** A flow collection on one line: `[a, b]`, `{ k: v }`, nested and tagged. */
  flow(depth) {
    this.counted(depth);
    const open = this.type[this.i];
    const start = this.offset[this.i] ?? 0;
    const close = open === 7 /* FlowSeqStart */ ? 8 /* FlowSeqEnd */ : 6 /* FlowMapEnd */;
    this.i++;
    const items2 = [];
    const entries = [];
    this.skipSpace();
    if (this.type[this.i] !== close) {
      for (; ; ) {
        this.skipSpace();
        if (open === 5 /* FlowMapStart */) {
          const keyAt = this.i;
          const kt = this.type[keyAt];
          if (kt !== 14 /* Plain */ && kt !== 11 /* SingleQuoted */ && kt !== 12 /* DoubleQuoted */) throw GIVE_UP;
          const keyStart = this.offset[keyAt] ?? 0;
          const key = String(this.flowScalarValue(keyAt));
          if (entries.some((e) => e.key === key)) throw GIVE_UP;
          this.i++;
          this.skipSpace();
          if (this.type[this.i] !== 4 /* Colon */) throw GIVE_UP;
          this.i++;
          this.skipSpace();
          const value = this.flowItem(depth + 1);
          entries.push({ key, keyLoc: this.index.location(keyStart, this.end(keyAt)), value });
        } else {
          items2.push(this.flowItem(depth + 1));
        }
        this.skipSpace();
        const t = this.type[this.i];
        if (t === close) break;
        if (t !== 9 /* Comma */) throw GIVE_UP;
        this.i++;
        this.skipSpace();
        if (this.type[this.i] === close) throw GIVE_UP;
      }
    }
    const end = this.end(this.i);
    this.i++;
    const span = this.span(start, end);
    const loc = this.index.location(span[0], span[1]);
    return open === 7 /* FlowSeqStart */ ? { kind: "seq", items: items2, span, loc } : { kind: "map", entries, span, loc };
  }
  flowItem(depth) {
    let tag;
    if (this.type[this.i] === 10 /* Tag */) {
      tag = this.tag();
      this.skipSpace();
    }
    const t = this.type[this.i];
    let node;
    if (t === 7 /* FlowSeqStart */ || t === 5 /* FlowMapStart */) node = this.flow(depth);
    else {
      node = this.scalar(depth, tag !== void 0);
      let k = this.i;
      while (this.type[k] === 1 /* Space */) k++;
      if (this.type[k] === 4 /* Colon */) throw GIVE_UP;
    }
    return tag ? this.wrap(tag, node) : node;
  }
  /** A short-form intrinsic in its long form, located from its `!`, unless a comment comes between the tag and its value. */
  wrap(tag, value) {
    const name = tag.intrinsic;
    if (!name) return value;
    const [start, end] = value.span;
    const from = this.text.slice(tag.offset + tag.source.length, start).trim() === "" ? tag.offset : start;
    return wrapIntrinsic(name, value, [from, end], this.index.location(from, end));
  }
};

// packages/core/src/template/parsing/parse.ts
var MAX_NODES = 5e5;
var MAX_ALIAS_NODES = 1e5;
var MAX_DEPTH3 = 500;
var ParseLimitError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
function parseText(file, text3, format2, document = "template") {
  return parse2(file, text3, format2, document, true);
}
function parse2(file, text3, format2, document, fast) {
  const body = stripBom(text3);
  const index = new LineIndex(file, body);
  try {
    if (format2 === "json") return parseJson(body, index, document);
    const read = fast ? readYamlFast(body, index, { maxNodes: MAX_NODES, maxDepth: MAX_DEPTH3 }) : void 0;
    return read ? { ok: true, root: read.root, index } : parseYaml(body, index, document);
  } catch (err) {
    if (err instanceof ParseLimitError) {
      const pos = index.position(err.offset);
      return { ok: false, problem: { message: err.message, ...pos } };
    }
    if (err instanceof RangeError) return { ok: false, problem: { message: TOO_DEEP(format2), line: 1, column: 1 } };
    return { ok: false, problem: { message: `Cannot parse: ${err instanceof Error ? err.message : String(err)}`, line: 1, column: 1 } };
  }
}
var TOO_DEEP = (format2) => `${format2 === "json" ? "JSON" : "YAML"} nests too deeply to read (over ${MAX_DEPTH3} levels)`;
function duplicateKey(key, first, document) {
  const why = document === "template" ? "CloudFormation rejects a template that repeats a key" : "a snapshot names each key once";
  return `Duplicate key "${key}" (first at line ${first.line}, column ${first.column}); ${why}`;
}
function stripBom(text3) {
  return text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3;
}
var YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false };
var JSON_OPTIONS = { allowTrailingComma: true, disallowComments: false };
function parseYamlDocument(text3) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return (0, import_yaml2.parseDocument)(text3, YAML_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
function parseYaml(text3, index, document) {
  const doc = parseYamlDocument(text3);
  const error = doc.errors[0];
  if (error) {
    const pos = index.position(error.pos[0]);
    const message = /call stack/i.test(error.message) ? TOO_DEEP("yaml") : yamlMessage(error.message);
    return { ok: false, problem: { message, ...pos } };
  }
  let count2 = 0;
  let aliased = 0;
  const convert = (node, depth, fallback, alias) => {
    if (++count2 > MAX_NODES) throw new ParseLimitError(`YAML has more than ${MAX_NODES} values`, fallback);
    if (alias !== void 0 && ++aliased > MAX_ALIAS_NODES) {
      throw new ParseLimitError(`YAML aliases expand to more than ${MAX_ALIAS_NODES} values (an alias bomb?); not read`, alias);
    }
    if (depth > MAX_DEPTH3) throw new ParseLimitError(`YAML nests deeper than ${MAX_DEPTH3} levels`, fallback);
    if (node == null) {
      return { kind: "scalar", value: null, span: [fallback, fallback], loc: index.location(fallback, fallback) };
    }
    if ((0, import_yaml2.isAlias)(node)) {
      const target = node.resolve(doc);
      const at = node.range?.[0] ?? fallback;
      return convert(target, depth + 1, at, alias ?? at);
    }
    const start = node.range?.[0] ?? fallback;
    let end = node.range?.[1] ?? start;
    while (end > start && isSpace(text3.charCodeAt(end - 1))) end--;
    const span = [start, end];
    const loc = index.location(start, end);
    let out;
    if ((0, import_yaml2.isMap)(node)) {
      const entries = [];
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyStart = keyNode?.range?.[0] ?? start;
        const key = (0, import_yaml2.isScalar)(keyNode) ? String(keyNode.value) : keyText(text3, keyNode, keyStart);
        const first = seen.get(key);
        if (first !== void 0) throw new ParseLimitError(duplicateKey(key, index.position(first), document), keyStart);
        seen.set(key, keyStart);
        entries.push({
          key,
          keyLoc: index.location(keyStart, keyNode?.range?.[1] ?? keyStart),
          value: convert(pair.value, depth + 1, keyNode?.range?.[1] ?? start, alias)
        });
      }
      out = { kind: "map", entries, span, loc };
    } else if ((0, import_yaml2.isSeq)(node)) {
      out = {
        kind: "seq",
        items: node.items.map((item) => convert(item, depth + 1, end, alias)),
        span,
        loc
      };
    } else if ((0, import_yaml2.isScalar)(node)) {
      out = { kind: "scalar", value: toScalarValue(node.value), span, loc };
    } else {
      out = { kind: "scalar", value: null, span, loc };
    }
    const intrinsic = node.tag ? shortTagToIntrinsic(node.tag) : void 0;
    if (!intrinsic || !node.tag) return out;
    const tagStart = text3.lastIndexOf(node.tag, start);
    const from = tagStart >= 0 && text3.slice(tagStart + node.tag.length, start).trim() === "" ? tagStart : start;
    return wrapIntrinsic(intrinsic, out, [from, end], index.location(from, end));
  };
  const root = doc.contents ? convert(doc.contents, 0, 0) : void 0;
  return { ok: true, root, index };
}
function keyText(text3, keyNode, start) {
  const end = keyNode?.range?.[1];
  return end !== void 0 && end > start ? text3.slice(start, end).trim() : "";
}
function yamlMessage(message) {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
function parseJson(text3, index, document) {
  const notices = [];
  let syntax;
  let limit;
  let root;
  let hasRoot = false;
  let count2 = 0;
  let depth = 0;
  let comma = -1;
  let afterComma = false;
  let commented = false;
  let trailing = false;
  const stack = [];
  const building = () => syntax === void 0 && limit === void 0;
  const counted = (offset) => {
    if (++count2 <= MAX_NODES) return true;
    limit ??= new ParseLimitError(`JSON has more than ${MAX_NODES} values`, offset);
    return false;
  };
  const place = (node) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (!hasRoot) root = node;
      hasRoot = true;
    } else if (top.kind === "seq") top.items.push(node);
    else if (top.key) {
      const k = top.key;
      top.entries.push({ key: k.name, keyLoc: index.location(k.offset, k.offset + k.length), value: node });
      top.key = void 0;
    }
  };
  const open = (kind, offset) => {
    afterComma = false;
    if (++depth > MAX_DEPTH3) throw new ParseLimitError(`JSON nests deeper than ${MAX_DEPTH3} levels`, offset);
    if (!building() || !counted(offset)) return;
    stack.push(kind === "map" ? { kind, start: offset, entries: [], seen: /* @__PURE__ */ new Map() } : { kind, start: offset, items: [] });
  };
  const close = (offset, length) => {
    depth--;
    if (afterComma && !trailing) {
      trailing = true;
      notices.push({ kind: "json-trailing-comma", message: "Trailing comma in JSON", ...index.position(comma) });
    }
    afterComma = false;
    if (!building()) return;
    const top = stack.pop();
    if (!top) return;
    const span = [top.start, offset + length];
    const loc = index.location(span[0], span[1]);
    place(top.kind === "map" ? { kind: "map", entries: top.entries, span, loc } : { kind: "seq", items: top.items, span, loc });
  };
  visit2(
    text3,
    {
      onObjectBegin: (offset) => open("map", offset),
      onArrayBegin: (offset) => open("seq", offset),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (name, offset, length) => {
        afterComma = false;
        if (!building()) return;
        const top = stack[stack.length - 1];
        if (top?.kind !== "map") return;
        const first = top.seen.get(name);
        if (first !== void 0) {
          limit ??= new ParseLimitError(duplicateKey(name, index.position(first), document), offset);
          return;
        }
        top.seen.set(name, offset);
        top.key = { name, offset, length };
      },
      onLiteralValue: (value, offset, length) => {
        afterComma = false;
        if (!building() || !counted(offset)) return;
        place({ kind: "scalar", value: toScalarValue(value), span: [offset, offset + length], loc: index.location(offset, offset + length) });
      },
      onSeparator: (character, offset) => {
        afterComma = character === ",";
        if (afterComma) comma = offset;
      },
      onComment: (offset) => {
        if (commented) return;
        commented = true;
        notices.push({ kind: "json-comment", message: "Comment in JSON", ...index.position(offset) });
      },
      onError: (error, offset) => {
        syntax ??= { error, offset };
      }
    },
    JSON_OPTIONS
  );
  if (syntax) return { ok: false, problem: { message: jsonMessage(printParseErrorCode(syntax.error)), ...index.position(syntax.offset) } };
  if (limit) throw limit;
  return { ok: true, root, index, ...notices.length > 0 ? { notices } : {} };
}
function jsonMessage(code) {
  return `JSON syntax error: ${code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`;
}

// packages/core/src/snapshot/detect.ts
var TOKEN = { OpenBrace: 1, CloseBrace: 2, OpenBracket: 3, CloseBracket: 4, Comma: 5, StringLiteral: 10, LineComment: 12, BlockComment: 13, EOF: 17 };
function isSnapshotText(text3) {
  if (!looksLikeSnapshot(text3)) return false;
  const scanner = createScanner2(stripBom(text3), true);
  const objects = [];
  let atKey = false;
  for (let token = scanner.scan(); token !== TOKEN.EOF; token = scanner.scan()) {
    if (token === TOKEN.LineComment || token === TOKEN.BlockComment) continue;
    if (token === TOKEN.StringLiteral && atKey && objects.length === 1 && scanner.getTokenValue() === "mamoriSnapshot") return true;
    if (token === TOKEN.OpenBrace || token === TOKEN.OpenBracket) objects.push(token === TOKEN.OpenBrace);
    else if (token === TOKEN.CloseBrace || token === TOKEN.CloseBracket) {
      objects.pop();
      if (objects.length === 0) return false;
    }
    atKey = token === TOKEN.OpenBrace || token === TOKEN.Comma && objects[objects.length - 1] === true;
  }
  return false;
}

// packages/core/src/reporters/text.ts
var STEERING = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
var STEERING_ONE = new RegExp(`[${STEERING}]`);
var STEERING_ALL = new RegExp(`[${STEERING}]`, "g");
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function visible(c) {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
}
function printable(text3) {
  return STEERING_ONE.test(text3) ? text3.replace(STEERING_ALL, visible) : text3;
}

// packages/core/src/snapshot/org-summary.ts
function isOrganizationSummaryText(text3) {
  return /^\uFEFF?\s*\{\s*"mamoriOrganizationSummary"\s*:/.test(text3);
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var text = (v) => typeof v === "string" ? printable(v) : "";
function organizationSummaryNotifications(file, raw) {
  let summary;
  try {
    summary = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (err) {
    return [
      { level: "error", code: "read-error", file, message: `Cannot read this organisation summary: ${err instanceof Error ? err.message : String(err)}` }
    ];
  }
  if (!isObject(summary) || !Array.isArray(summary.accounts)) {
    return [{ level: "error", code: "read-error", file, message: "Cannot read this organisation summary: it has no list of accounts" }];
  }
  const out = [];
  for (const a of summary.accounts) {
    if (!isObject(a) || typeof a.id !== "string") continue;
    const who = `Account ${text(a.id)}${typeof a.name === "string" && a.name ? ` (${text(a.name)})` : ""}`;
    if (a.status === "failed") {
      const e = isObject(a.error) ? a.error : {};
      out.push({
        level: "error",
        code: "account-not-collected",
        file,
        message: `${who} was not collected: ${text(e.operation) || "its collection"} failed with ${text(e.code) || "an error"}${e.message ? `: ${text(e.message)}` : ""}; it is not in this scan`
      });
    } else if (a.status === "skipped") {
      out.push({
        level: "note",
        code: "account-not-collected",
        file,
        message: `${who} was skipped when the organisation was collected: ${text(a.reason) || "no reason given"}`
      });
    }
  }
  for (const id of Array.isArray(summary.notInOrganization) ? summary.notInOrganization : []) {
    if (typeof id !== "string") continue;
    out.push({
      level: "error",
      code: "account-not-collected",
      file,
      message: `Account ${text(id)} was asked for but the organisation does not hold it; it is not in this scan`
    });
  }
  return out;
}

// packages/core/src/template/resolution/iam.ts
var MAX_LIST_CANDIDATES = 16;
var PRINCIPAL_TYPES = {
  "AWS::IAM::User": { type: "user", nameKey: "UserName" },
  "AWS::IAM::Group": { type: "group", nameKey: "GroupName" },
  "AWS::IAM::Role": { type: "role", nameKey: "RoleName" }
};
var TYPE_OF_PRINCIPAL = {
  user: "AWS::IAM::User",
  group: "AWS::IAM::Group",
  role: "AWS::IAM::Role"
};
function refTarget(node) {
  const fn = intrinsicName(node);
  if (fn === "Ref") return scalarString(get(node, "Ref"));
  if (fn === "Fn::GetAtt") {
    const arg = get(node, "Fn::GetAtt");
    return arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg)?.split(".")[0];
  }
  return void 0;
}
function stringValue(resolver, node) {
  const v = resolver.value(node);
  return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
}
function principalRefs(template, resolver, node, type, via = []) {
  const out = [];
  for (const b of resolver.branches(node, via)) {
    const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
    for (const item of items2) {
      for (const ib of resolver.branches(item, b.via)) {
        if (!ib.node) continue;
        const ref = principalRef(template, resolver, ib.node, type);
        out.push({ ...ref, via: ib.via });
      }
    }
  }
  return out;
}
function principalRef(template, resolver, node, type) {
  const target = refTarget(node);
  const res = target ? template.resources.get(target) : void 0;
  if (target && res?.type === TYPE_OF_PRINCIPAL[type]) return { logicalId: target, name: target, location: node.loc };
  const name = stringValue(resolver, node);
  if (name !== void 0) {
    for (const r of template.resources.values()) {
      if (r.type !== TYPE_OF_PRINCIPAL[type]) continue;
      const nameKey = own(PRINCIPAL_TYPES, r.type)?.nameKey ?? "";
      if (stringValue(resolver, get(r.properties, nameKey)) === name) return { logicalId: r.logicalId, name: r.logicalId, location: node.loc };
    }
    return { name, location: node.loc };
  }
  const param = intrinsicName(node) === "Ref" ? scalarString(get(node, "Ref")) : void 0;
  return { name: param ? `(parameter ${param})` : "(unresolved name)", location: node.loc };
}
function refNode(name, at) {
  return {
    kind: "map",
    loc: at.loc,
    span: at.span,
    entries: [{ key: "Ref", keyLoc: at.loc, value: { kind: "scalar", value: name, loc: at.loc, span: at.span } }]
  };
}
function stringListCandidates(resolver, node) {
  if (!node) return [{ values: [], locations: [], via: [] }];
  const out = [];
  for (const b of resolver.branches(node)) {
    if (!b.node) {
      out.push({ values: [], locations: [], via: b.via });
      continue;
    }
    const items2 = b.node.kind === "seq" ? b.node.items : [b.node];
    let acc = [{ values: [], locations: [], via: b.via }];
    let overflow = false;
    for (const item of items2) {
      const options = itemOptions(resolver, item);
      if (overflow) {
        acc = [merge(acc.concat(options))];
        continue;
      }
      const next = [];
      for (const left of acc) {
        for (const o of options)
          next.push({ values: [...left.values, ...o.values], locations: [...left.locations, ...o.locations], via: [...left.via, ...o.via] });
      }
      if (next.length > MAX_LIST_CANDIDATES) {
        overflow = true;
        acc = [merge(next)];
      } else acc = next;
    }
    append(out, acc);
  }
  return out;
}
function itemOptions(resolver, item) {
  return resolver.values(item).map((c) => {
    const loc = (c.at ?? item).loc;
    if (typeof c.value === "string" || typeof c.value === "number") return { values: [String(c.value)], locations: [loc], via: c.via };
    if (Array.isArray(c.value)) {
      const values = c.value.filter((v) => typeof v === "string");
      return { values, locations: values.map(() => loc), via: c.via };
    }
    return { values: [], locations: [], via: c.via };
  });
}
function merge(list) {
  return {
    values: list.flatMap((c) => c.values),
    locations: list.flatMap((c) => c.locations),
    via: [...new Set(list.flatMap((c) => c.via))]
  };
}
function looseText(resolver, node, depth = 0) {
  if (!node || depth > 16) return void 0;
  if (node.kind === "scalar") return node.value === null ? "" : String(node.value);
  const fn = intrinsicName(node);
  const arg = fn ? get(node, fn) : void 0;
  if (fn === "Fn::Sub") {
    const text3 = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
    if (text3 === void 0) return void 0;
    const vars = arg?.kind === "seq" ? arg.items[1] : void 0;
    return text3.replace(/\$\{([^}]*)\}/g, (whole, name) => {
      if (name.startsWith("!")) return `\${${name.slice(1)}}`;
      const local = get(vars, name.trim());
      const v2 = local ? looseText(resolver, local, depth + 1) : name.includes(".") ? void 0 : stringValue(resolver, refNode(name.trim(), node));
      return v2 ?? whole;
    });
  }
  if (fn === "Fn::Join" && arg?.kind === "seq" && arg.items[1]?.kind === "seq") {
    const sep = scalarString(arg.items[0]) ?? "";
    return arg.items[1].items.map((i) => looseText(resolver, i, depth + 1) ?? "${?}").join(sep);
  }
  const v = stringValue(resolver, node);
  if (v !== void 0) return v;
  return fn === "Ref" ? `\${${scalarString(arg) ?? "?"}}` : void 0;
}

// packages/core/src/entities/access-key-resource/template.ts
function accessKeysOf(template, resolver) {
  const keys = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::IAM::AccessKey") continue;
    const owner = principalRefs(template, resolver, get(res.properties, "UserName"), "user")[0];
    const key = {
      kind: "AccessKeyResource",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      secretExposures: []
    };
    if (owner) key.userName = owner.name;
    keys.set(res.logicalId, key);
  }
  if (keys.size === 0) return [];
  const found = (keyId, path3, location) => {
    const key = keys.get(keyId);
    const where = key ? placeOf(template, path3) : void 0;
    if (key && where) key.secretExposures.push({ where, location });
  };
  for (const section of template.root.entries) {
    walk(section.value, (node, inSection) => {
      const path3 = () => [section.key, ...inSection];
      const fn = intrinsicName(node);
      if (fn === "Fn::GetAtt") {
        const [target, attr] = getAttParts(get(node, "Fn::GetAtt"));
        if (target && attr === "SecretAccessKey") found(target, path3(), node.loc);
      } else if (fn === "Fn::Sub") {
        for (const { keyId, location } of subReferences(template, node, keys)) found(keyId, path3(), location);
      }
    });
  }
  return [...keys.values()];
}
function getAttParts(arg) {
  if (arg?.kind === "seq") return [scalarString(arg.items[0]), scalarString(arg.items[1])];
  const text3 = scalarString(arg);
  if (!text3) return [void 0, void 0];
  const dot = text3.indexOf(".");
  return dot > 0 ? [text3.slice(0, dot), text3.slice(dot + 1)] : [text3, void 0];
}
function subReferences(template, node, keys) {
  const arg = get(node, "Fn::Sub");
  const textNode = arg?.kind === "seq" ? arg.items[0] : arg;
  const text3 = scalarString(textNode);
  if (!textNode || !text3) return [];
  const out = [];
  const source = template.text.slice(textNode.span[0], textNode.span[1]);
  const seen = /* @__PURE__ */ new Map();
  for (const m of text3.matchAll(/\$\{\s*([A-Za-z0-9]+)\.SecretAccessKey\s*\}/g)) {
    const keyId = m[1] ?? "";
    if (!keys.has(keyId)) continue;
    const last = seen.get(m[0]);
    const at = last === -1 ? -1 : source.indexOf(m[0], last === void 0 ? 0 : last + 1);
    seen.set(m[0], at);
    const location = at >= 0 ? template.index.location(textNode.span[0] + at, textNode.span[0] + at + m[0].length) : textNode.loc;
    out.push({ keyId, location });
  }
  return out;
}
function placeOf(template, path3) {
  const [section, entry, part, ...rest] = path3;
  const props = rest.filter((p) => typeof p === "string" && p !== "Ref" && !p.startsWith("Fn::"));
  if (section === "Outputs") return `output ${String(entry)}`;
  if (section === "Globals") {
    const variable2 = variableName(template.root, path3);
    return variable2 ? `environment variable ${variable2} in Globals` : "Globals";
  }
  if (section !== "Resources" || typeof entry !== "string") return `${String(section)}`;
  const res = template.resources.get(entry);
  if (part === "Metadata") return `metadata of ${entry}`;
  if (part !== "Properties" || !res) return `resource ${entry}`;
  const first = props[0];
  if (res.type === "AWS::SecretsManager::Secret" && (first === "SecretString" || first === "GenerateSecretString")) return void 0;
  if (res.type === "AWS::SSM::Parameter" && first === "Value") {
    const type = scalarString(get(res.properties, "Type")) ?? "String";
    return type === "SecureString" ? void 0 : `SSM parameter ${entry} (type ${type})`;
  }
  const variable = variableName(template.root, path3);
  if (variable) return `environment variable ${variable} of ${entry}`;
  if (first === "Tags") return `tags of ${entry}`;
  if (props.includes("UserData")) return `UserData of ${entry}`;
  return `property ${props.join(".") || "?"} of ${entry}`;
}
function variableName(root, path3) {
  const i = path3.indexOf("Environment");
  if (i < 0) return void 0;
  const next = path3[i + 1];
  if (next === "Variables" && typeof path3[i + 2] === "string") return String(path3[i + 2]);
  if (typeof next === "number") {
    let node = root;
    for (const p of path3.slice(0, i + 2)) node = typeof p === "number" ? node?.kind === "seq" ? node.items[p] : void 0 : get(node, p);
    return scalarString(get(node, "Name"));
  }
  return void 0;
}

// packages/core/src/entities/access-key-resource/index.ts
var accessKeyResource = {
  kind: "AccessKeyResource",
  template: { what: "access keys", extract: (input) => accessKeysOf(input.template, input.resolver) }
};

// packages/core/src/snapshot/stack-tags.ts
function stackOfTags(tags) {
  if (!tags || tags.length === 0) return void 0;
  let name;
  let logicalId;
  let id;
  for (const t of tags) {
    if (typeof t?.Value !== "string" || t.Value === "") continue;
    if (t.Key === "aws:cloudformation:stack-name") name = t.Value;
    else if (t.Key === "aws:cloudformation:logical-id") logicalId = t.Value;
    else if (t.Key === "aws:cloudformation:stack-id") id = t.Value;
  }
  if (name === void 0 || logicalId === void 0) return void 0;
  return id === void 0 ? { name, logicalId } : { name, logicalId, id };
}
function withStack(entity3, tags) {
  const stack = stackOfTags(tags);
  if (stack) entity3.stack = stack;
  return entity3;
}

// packages/core/src/util/non-empty.ts
function nonEmpty(s) {
  return s && s.trim() !== "" ? s : void 0;
}

// packages/core/src/entities/az-span/snapshot.ts
function azSpansFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    const zoneOf = subnetZones(r);
    const arn = (service, resource2) => `arn:${input.partition}:${service}:${region}:${input.account}:${resource2}`;
    const spans = [];
    (r.rds?.DescribeDBSubnetGroups?.DBSubnetGroups ?? []).forEach((g, i) => {
      const name = nonEmpty(g.DBSubnetGroupName) ?? String(i);
      const subnets = (g.Subnets ?? []).filter((s) => nonEmpty(s.SubnetIdentifier) !== void 0);
      spans.push({
        resourceType: "DbSubnetGroup",
        name,
        arn: nonEmpty(g.DBSubnetGroupArn) ?? arn("rds", `subgrp:${name}`),
        at: ["rds", "DescribeDBSubnetGroups", "DBSubnetGroups", i, "DBSubnetGroupName"],
        subnetIds: subnets.map((s) => s.SubnetIdentifier ?? ""),
        zones: subnets.map((s) => nonEmpty(s.SubnetAvailabilityZone?.Name) ?? zoneOf(s.SubnetIdentifier))
      });
    });
    const lbTags = /* @__PURE__ */ new Map();
    for (const answer of Object.values(r.elbv2?.DescribeTags ?? {})) {
      for (const d of answer.TagDescriptions ?? []) if (d.ResourceArn) lbTags.set(d.ResourceArn, [...lbTags.get(d.ResourceArn) ?? [], ...d.Tags ?? []]);
    }
    (r.elbv2?.DescribeLoadBalancers?.LoadBalancers ?? []).forEach((lb, i) => {
      const name = nonEmpty(lb.LoadBalancerName) ?? String(i);
      const places = lb.AvailabilityZones ?? [];
      const bySubnet = places.length > 0 && places.every((p) => nonEmpty(p.SubnetId) !== void 0);
      spans.push({
        resourceType: "LoadBalancer",
        name,
        arn: nonEmpty(lb.LoadBalancerArn) ?? arn("elasticloadbalancing", `loadbalancer/${name}`),
        at: ["elbv2", "DescribeLoadBalancers", "LoadBalancers", i, "LoadBalancerName"],
        subnetIds: bySubnet ? places.map((p) => p.SubnetId ?? "") : [],
        zones: places.map((p) => nonEmpty(p.ZoneName) ?? zoneOf(p.SubnetId)),
        ...lb.LoadBalancerArn && lbTags.has(lb.LoadBalancerArn) ? { tags: lbTags.get(lb.LoadBalancerArn) } : {}
      });
    });
    (r.elb?.DescribeLoadBalancers?.LoadBalancerDescriptions ?? []).forEach((lb, i) => {
      const name = nonEmpty(lb.LoadBalancerName) ?? String(i);
      const subnetIds = (lb.Subnets ?? []).filter((s) => nonEmpty(s) !== void 0);
      const listed = (lb.AvailabilityZones ?? []).filter((z) => nonEmpty(z) !== void 0);
      spans.push({
        resourceType: "LoadBalancer",
        name,
        arn: arn("elasticloadbalancing", `loadbalancer/${name}`),
        at: ["elb", "DescribeLoadBalancers", "LoadBalancerDescriptions", i, "LoadBalancerName"],
        subnetIds,
        // A load balancer in a VPC lists the zones of its subnets; one outside a VPC, zones only.
        zones: listed.length > 0 ? listed : subnetIds.map(zoneOf)
      });
    });
    (r.autoscaling?.DescribeAutoScalingGroups?.AutoScalingGroups ?? []).forEach((g, i) => {
      if (g.Status === "Delete in progress") return;
      const name = nonEmpty(g.AutoScalingGroupName) ?? String(i);
      const subnetIds = (g.VPCZoneIdentifier ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
      const listed = (g.AvailabilityZones ?? []).filter((z) => nonEmpty(z) !== void 0);
      spans.push({
        resourceType: "AutoScalingGroup",
        name,
        arn: nonEmpty(g.AutoScalingGroupARN) ?? arn("autoscaling", `autoScalingGroup:*:autoScalingGroupName/${name}`),
        at: ["autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroups", i, "AutoScalingGroupName"],
        subnetIds,
        // The group's zones are those of its subnets, as Auto Scaling reports them.
        zones: listed.length > 0 ? listed : subnetIds.map(zoneOf),
        ...g.Tags ? { tags: g.Tags } : {}
      });
    });
    for (const s of spans) {
      const zones = s.zones.filter((z) => z !== void 0);
      const span = {
        kind: "AzSpan",
        id: s.arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, ...s.at], s.arn),
        displayName: s.name,
        resourceType: s.resourceType,
        name: s.name,
        subnetIds: s.subnetIds,
        // Known only when every subnet's (or listed) zone is.
        ...zones.length > 0 && zones.length === s.zones.length ? { availabilityZones: [...new Set(zones)] } : {}
      };
      out.push(withStack(span, s.tags));
    }
  }
  return out;
}
function subnetZones(r) {
  const zones = /* @__PURE__ */ new Map();
  for (const s of r.ec2?.DescribeSubnets?.Subnets ?? []) {
    const zone = nonEmpty(s.AvailabilityZone);
    if (s.SubnetId && zone) zones.set(s.SubnetId, zone);
  }
  return (subnetId) => subnetId === void 0 ? void 0 : zones.get(subnetId);
}

// packages/core/src/template/resolution/settings.ts
function alternatives(resolver, res, key) {
  const node = get(res.properties, key);
  if (node === void 0) return [{ absent: true, value: void 0, via: [], node: void 0 }];
  return resolver.branches(node).flatMap(
    (b) => b.node === void 0 ? [{ absent: true, value: void 0, via: b.via, node }] : resolver.values(b.node).map((c) => ({ absent: false, value: c.value, via: [...b.via, ...c.via], node: c.at ?? b.node }))
  );
}
function isWritten(resolver, res, key) {
  const node = get(res.properties, key);
  return node !== void 0 && resolver.branches(node).some((b) => b.node !== void 0);
}
function absentBranches(resolver, res, key) {
  const node = get(res.properties, key);
  if (node === void 0) return [[]];
  return resolver.branches(node).flatMap((b) => b.node === void 0 ? [b.via] : []);
}
function leastSafe(resolver, res, key, parse3, fallback, worse) {
  let best;
  for (const alt of alternatives(resolver, res, key)) {
    const value = alt.absent ? fallback : parse3(alt.value);
    if (value === void 0) continue;
    const location = alt.absent && alt.node === void 0 ? res.loc : { ...(alt.node ?? res.node).loc, logicalPath: `${res.logicalId}/Properties/${key}` };
    const source = { location, ...alt.absent ? { defaulted: true } : {}, ...alt.via.length > 0 ? { via: [...new Set(alt.via)] } : {} };
    if (!best || worse(value, best.value)) best = { value, source };
  }
  return best;
}
function parseBoolean(v) {
  if (typeof v === "boolean") return v;
  if (typeof v !== "string") return void 0;
  const t = v.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : void 0;
}
function parseInteger(v) {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) return Number(v);
  return void 0;
}
function text2(resolver, node) {
  const v = resolver.value(node);
  return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
}
function refTarget2(template, node) {
  const fn = intrinsicName(node);
  let id;
  if (fn === "Ref") id = scalarString(get(node, "Ref"));
  else if (fn === "Fn::GetAtt") {
    const arg = get(node, "Fn::GetAtt");
    id = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg)?.split(".")[0];
  }
  return id === void 0 ? void 0 : template.resources.get(id);
}
function isCreated(resolver, res) {
  return res.condition === void 0 || resolver.condition(res.condition) !== false;
}
function describeNode(node, depth = 0) {
  if (!node) return "a value";
  if (depth > 3) return "\u2026";
  if (node.kind === "scalar") return scalarString(node) ?? "''";
  if (node.kind === "seq") return `[${node.items.map((i) => describeNode(i, depth + 1)).join(", ")}]`;
  const fn = intrinsicName(node);
  if (!fn) return "{\u2026}";
  const arg = get(node, fn);
  const name = fn === "Ref" ? "Ref" : fn.replace(/^Fn::/, "");
  if (fn === "Fn::GetAtt" && arg?.kind === "seq") return `!GetAtt ${arg.items.map((i) => scalarString(i) ?? "\u2026").join(".")}`;
  return `!${name} ${describeNode(arg, depth + 1)}`;
}

// packages/core/src/entities/az-span/template.ts
var KINDS = {
  "AWS::RDS::DBSubnetGroup": { resourceType: "DbSubnetGroup", nameKey: "DBSubnetGroupName", subnetKeys: ["SubnetIds"] },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": { resourceType: "LoadBalancer", nameKey: "Name", subnetKeys: ["Subnets", "SubnetMappings"] },
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    resourceType: "LoadBalancer",
    nameKey: "LoadBalancerName",
    subnetKeys: ["Subnets"],
    zonesKey: "AvailabilityZones"
  },
  "AWS::AutoScaling::AutoScalingGroup": {
    resourceType: "AutoScalingGroup",
    nameKey: "AutoScalingGroupName",
    subnetKeys: ["VPCZoneIdentifier"],
    zonesKey: "AvailabilityZones"
  }
};
var MAX_ALTERNATIVES = 16;
function azSpansOf(template, resolver) {
  const out = [];
  const zoneResolver = new Resolver(template, { ...resolver.options, region: resolver.options.region ?? "${AWS::Region}" });
  for (const res of template.resources.values()) {
    const kind = own(KINDS, res.type);
    if (!kind || !isCreated(resolver, res)) continue;
    const subnetKey = kind.subnetKeys.find((k) => get(res.properties, k) !== void 0);
    const key = subnetKey ?? (kind.zonesKey && get(res.properties, kind.zonesKey) !== void 0 ? kind.zonesKey : void 0);
    const node = key ? get(res.properties, key) : void 0;
    if (!key || !node) continue;
    const alts = alternatives2(template, resolver, zoneResolver, node, subnetKey === void 0 ? "zone" : key === "VPCZoneIdentifier" ? "csv" : "subnet", key);
    const chosen = alts.find((a) => singleZone(a.places, subnetKey === void 0)) ?? alts[0];
    if (!chosen) continue;
    const places = chosen.places;
    const zones = places?.flatMap((p) => p.zone === void 0 ? [] : [p.zone]);
    const known = zones !== void 0 && zones.length === places?.length;
    const source = {
      location: { ...spanOf(chosen.node), logicalPath: `${res.logicalId}/Properties/${key}` },
      ...chosen.via.length > 0 ? { via: [...new Set(chosen.via)] } : {}
    };
    out.push({
      kind: "AzSpan",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      resourceType: kind.resourceType,
      name: text2(resolver, get(res.properties, kind.nameKey)) ?? res.logicalId,
      subnetIds: subnetKey && places ? places.map((p) => p.id) : [],
      ...known ? { availabilityZones: [...new Set(zones)] } : {},
      subnetsSource: source
    });
  }
  return out;
}
function spanOf(node) {
  const last = node.kind === "seq" ? node.items.at(-1) : void 0;
  return last && node.loc.endLine > last.loc.endLine ? { ...node.loc, endLine: last.loc.endLine, endColumn: last.loc.endColumn } : node.loc;
}
function singleZone(places, zoneList) {
  if (!places || places.length === 0) return false;
  if (!zoneList && places.length === 1) return true;
  const zones = places.map((p) => p.zone);
  return zones.every((z) => z !== void 0) && new Set(zones).size === 1;
}
function alternatives2(template, resolver, zones, node, mode, key) {
  const out = [];
  for (const list of resolver.branches(node)) {
    if (!list.node) continue;
    if (list.node.kind === "seq") {
      for (const combo of itemCombos(resolver, list.node.items, list.via)) {
        const places = [];
        let known = true;
        for (const item of combo.items) {
          const p = placesOf(template, resolver, zones, key === "SubnetMappings" ? get(item, "SubnetId") : item, mode);
          if (!p) known = false;
          else append(places, p);
        }
        out.push({ places: known ? places : void 0, via: combo.via, node: list.node });
      }
    } else {
      for (const c of resolver.values(list.node)) {
        const items2 = Array.isArray(c.value) ? c.value : typeof c.value === "string" && mode !== "zone" ? c.value.split(",") : void 0;
        const places = items2?.every((i) => typeof i === "string" && i.trim() !== "") ? items2.map((i) => mode === "zone" ? { id: String(i).trim(), zone: String(i).trim() } : { id: String(i).trim() }) : void 0;
        out.push({ places, via: [...list.via, ...c.via], node: c.at ?? list.node });
      }
    }
    if (out.length >= MAX_ALTERNATIVES) break;
  }
  return out.slice(0, MAX_ALTERNATIVES);
}
function itemCombos(resolver, items2, via) {
  let acc = [{ items: [], via }];
  for (const item of items2) {
    const next = [];
    for (const left of acc) {
      for (const b of resolver.branches(item)) {
        next.push({ items: b.node ? [...left.items, b.node] : left.items, via: [...left.via, ...b.via.filter((v) => !left.via.includes(v))] });
      }
    }
    if (next.length > MAX_ALTERNATIVES) return [{ items: [...items2], via }];
    acc = next;
  }
  return acc;
}
function placesOf(template, resolver, zones, item, mode) {
  if (!item) return void 0;
  if (mode === "zone") {
    const zone = single(zones, item);
    return [{ id: zone ?? describeNode(item), ...zone ? { zone } : {} }];
  }
  const target = refTarget2(template, item);
  if (target?.type === "AWS::EC2::Subnet") {
    const zone = zoneOfSubnet(zones, target);
    return [{ id: target.logicalId, ...zone ? { zone } : {} }];
  }
  const values = resolver.values(item).map((c) => c.value);
  if (values.every((v) => typeof v === "string" && v.trim() !== "")) {
    const lists = values.map(
      (v) => mode === "csv" ? v.split(",").map((x) => x.trim()).filter(Boolean) : [v.trim()]
    );
    const [first] = lists;
    if (!first || new Set(lists.map((l) => l.length)).size !== 1) return void 0;
    return lists.length === 1 ? first.map((id) => ({ id })) : first.map(() => ({ id: describeNode(item) }));
  }
  if (mode === "csv" && !isSubnetIdParameter(template, item)) return void 0;
  return [{ id: describeNode(item) }];
}
function isSubnetIdParameter(template, item) {
  if (intrinsicName(item) !== "Ref") return false;
  return template.parameters.get(scalarString(get(item, "Ref")) ?? "")?.type === "AWS::EC2::Subnet::Id";
}
function zoneOfSubnet(resolver, subnet) {
  return single(resolver, get(subnet.properties, "AvailabilityZone")) ?? single(resolver, get(subnet.properties, "AvailabilityZoneId"));
}
function single(resolver, node) {
  if (!node) return void 0;
  const values = new Set(resolver.values(node).map((c) => c.value));
  const [only] = values;
  return values.size === 1 && typeof only === "string" && only !== "" ? only : void 0;
}

// packages/core/src/entities/az-span/index.ts
var azSpan = {
  kind: "AzSpan",
  template: { what: "availability-zone spans", extract: (input) => azSpansOf(input.template, input.resolver) },
  snapshot: azSpansFromSnapshot
};

// packages/core/src/entities/billing-guardrails/alarms.ts
var BILLING_NAMESPACE = "AWS/Billing";
var BILLING_METRIC = "EstimatedCharges";
var isCharges = (m) => m?.Namespace === BILLING_NAMESPACE && m.MetricName === BILLING_METRIC;
function isBillingAlarm(alarm) {
  if (isCharges(alarm)) return true;
  return (alarm.Metrics ?? []).some(
    (q) => isCharges(q.MetricStat?.Metric) || q.Expression?.includes(BILLING_NAMESPACE) === true && q.Expression.includes(BILLING_METRIC)
  );
}

// packages/core/src/entities/billing-guardrails/snapshot.ts
function billingGuardrailsFromSnapshot(input) {
  const { budgets, cloudwatch } = input.snapshot.global;
  const listed = budgets?.DescribeBudgets?.Budgets;
  const alarms = cloudwatch?.DescribeAlarms?.MetricAlarms;
  const asked = listed !== void 0 || alarms !== void 0 || input.didFail("budgets", "global", "DescribeBudgets") || input.didFail("cloudwatch", "global", "DescribeAlarms");
  if (!asked) return [];
  const arn = `arn:${input.partition}:budgets::${input.account}:budget/*`;
  const location = listed !== void 0 ? input.loc.at(["global", "budgets", "DescribeBudgets"], arn) : alarms !== void 0 ? input.loc.at(["global", "cloudwatch", "DescribeAlarms"], arn) : input.loc.at(["accountId"], arn);
  return [
    {
      kind: "BillingGuardrails",
      id: arn,
      ...input.base(void 0),
      location,
      displayName: `account ${input.account}`,
      accountId: input.account,
      ...listed !== void 0 ? { costBudgets: listed.filter((b) => b.BudgetType === "COST").map((b, i) => b.BudgetName ?? `budget ${i + 1}`) } : {},
      ...alarms !== void 0 ? { billingAlarms: alarms.filter(isBillingAlarm).map((a, i) => a.AlarmName ?? `alarm ${i + 1}`) } : {}
    }
  ];
}

// packages/core/src/entities/billing-guardrails/index.ts
var billingGuardrails = {
  kind: "BillingGuardrails",
  snapshot: billingGuardrailsFromSnapshot
};

// packages/core/src/entities/cache-replication-group/snapshot.ts
var REPLICATING = /* @__PURE__ */ new Set(["redis", "valkey"]);
function cacheReplicationGroupsFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    const groups = r.elasticache?.DescribeReplicationGroups?.ReplicationGroups ?? [];
    const members = new Set(
      groups.flatMap((g) => [
        ...g.MemberClusters ?? [],
        ...(g.NodeGroups ?? []).flatMap((n) => (n.NodeGroupMembers ?? []).flatMap((m) => m.CacheClusterId ? [m.CacheClusterId] : []))
      ])
    );
    groups.forEach((g, i) => {
      const replicationGroupId = g.ReplicationGroupId ?? String(i);
      const arn = g.ARN ?? `arn:${input.partition}:elasticache:${region}:${input.account}:replicationgroup:${replicationGroupId}`;
      const failover = g.AutomaticFailover?.toLowerCase();
      const automaticFailover = failover === "enabled" || failover === "enabling" ? true : failover === "disabled" || failover === "disabling" ? false : void 0;
      const multiAz = g.MultiAZ?.toLowerCase();
      const shards = (g.NodeGroups ?? []).map((n) => n.NodeGroupMembers?.length ?? 0).filter((n) => n > 0);
      const nodes = shards.length > 0 ? Math.min(...shards) : g.MemberClusters?.length;
      out.push({
        kind: "CacheReplicationGroup",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "elasticache", "DescribeReplicationGroups", "ReplicationGroups", i, "ReplicationGroupId"], arn),
        displayName: replicationGroupId,
        replicationGroupId,
        resourceType: "ReplicationGroup",
        // Answers from before Valkey leave the engine out: they are Redis OSS.
        engine: (g.Engine ?? "redis").toLowerCase(),
        ...automaticFailover !== void 0 ? { automaticFailover } : {},
        ...multiAz === "enabled" || multiAz === "disabled" ? { multiAz: multiAz === "enabled" } : {},
        ...nodes !== void 0 && nodes > 0 ? { numCacheClusters: nodes } : {}
      });
    });
    (r.elasticache?.DescribeCacheClusters?.CacheClusters ?? []).forEach((c, i) => {
      const engine = c.Engine?.toLowerCase();
      const id = c.CacheClusterId ?? String(i);
      if (c.ReplicationGroupId || members.has(id) || engine === void 0 || !REPLICATING.has(engine)) return;
      const arn = c.ARN ?? `arn:${input.partition}:elasticache:${region}:${input.account}:cluster:${id}`;
      out.push({
        kind: "CacheReplicationGroup",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "elasticache", "DescribeCacheClusters", "CacheClusters", i, "CacheClusterId"], arn),
        displayName: id,
        replicationGroupId: id,
        resourceType: "CacheCluster",
        engine,
        automaticFailover: false,
        multiAz: false,
        numCacheClusters: 1
      });
    });
  }
  return out;
}

// packages/core/src/entities/cache-replication-group/template.ts
var byFalse = (a, b) => !a && b;
var bySmaller = (a, b) => a < b;
function cacheReplicationGroupsOf(template, resolver, graph) {
  const out = [];
  for (const res of template.resources.values()) {
    if (res.type === "AWS::ElastiCache::CacheCluster" && isCreated(resolver, res)) {
      const single2 = standaloneCluster(template, resolver, graph, res);
      if (single2) out.push(single2);
      continue;
    }
    if (res.type !== "AWS::ElastiCache::ReplicationGroup" || !isCreated(resolver, res)) continue;
    const props = res.properties;
    const settingSources = {};
    const failover = leastSafe(resolver, res, "AutomaticFailoverEnabled", parseBoolean, clusterMode(template, resolver, res) ? void 0 : false, byFalse);
    if (failover) settingSources.automaticFailover = failover.source;
    const multiAz = leastSafe(resolver, res, "MultiAZEnabled", parseBoolean, false, byFalse);
    if (multiAz) settingSources.multiAz = multiAz.source;
    const nodes = nodesPerShard(resolver, res);
    if (nodes) settingSources.numCacheClusters = nodes.source;
    out.push({
      kind: "CacheReplicationGroup",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      replicationGroupId: text2(resolver, get(props, "ReplicationGroupId")) ?? res.logicalId,
      resourceType: "ReplicationGroup",
      engine: (text2(resolver, get(props, "Engine")) ?? "redis").toLowerCase(),
      ...failover ? { automaticFailover: failover.value } : {},
      ...multiAz ? { multiAz: multiAz.value } : {},
      ...nodes ? { numCacheClusters: nodes.value } : {},
      settingSources
    });
  }
  return out;
}
function standaloneCluster(template, resolver, graph, res) {
  const engines = resolver.values(get(res.properties, "Engine")).map((c) => typeof c.value === "string" ? c.value.toLowerCase() : void 0);
  if (engines.length === 0 || !engines.every((e) => e === "redis" || e === "valkey")) return void 0;
  if (graph.referencesTo(res.logicalId).some((r) => r.fromType === "AWS::ElastiCache::ReplicationGroup")) return void 0;
  return {
    kind: "CacheReplicationGroup",
    id: `${template.file}#${res.logicalId}`,
    source: "template",
    location: res.loc,
    displayName: res.logicalId,
    replicationGroupId: text2(resolver, get(res.properties, "ClusterName")) ?? res.logicalId,
    resourceType: "CacheCluster",
    engine: engines[0] ?? "redis",
    automaticFailover: false,
    multiAz: false,
    numCacheClusters: 1
  };
}
function clusterMode(template, resolver, res) {
  const props = res.properties;
  const shards = resolver.values(get(props, "NumNodeGroups")).map((c) => parseInteger(c.value));
  const groups = get(props, "NodeGroupConfiguration");
  if (shards.some((n) => n !== void 0 && n > 1) || groups?.kind === "seq" && groups.items.length > 1) return true;
  for (const b of resolver.branches(get(props, "CacheParameterGroupName"))) {
    if (!b.node) continue;
    const target = refTarget2(template, b.node);
    if (target?.type === "AWS::ElastiCache::ParameterGroup") {
      const enabled = resolver.values(get(get(target.properties, "Properties"), "cluster-enabled")).map((c) => c.value);
      if (enabled.some((v) => String(v).toLowerCase() === "yes")) return true;
    } else if (/\.cluster\.on$/i.test(text2(resolver, b.node) ?? "")) return true;
  }
  return false;
}
function nodesPerShard(resolver, res) {
  const props = res.properties;
  const sharded = ["NumNodeGroups", "ReplicasPerNodeGroup", "NodeGroupConfiguration", "PrimaryClusterId", "GlobalReplicationGroupId"].some(
    (k) => get(props, k) !== void 0
  );
  if (get(props, "NumCacheClusters") !== void 0 || !sharded) {
    return leastSafe(resolver, res, "NumCacheClusters", parseInteger, sharded ? void 0 : 1, bySmaller);
  }
  const replicas = leastSafe(resolver, res, "ReplicasPerNodeGroup", parseInteger, void 0, bySmaller);
  return replicas ? { value: replicas.value + 1, source: replicas.source } : void 0;
}

// packages/core/src/entities/cache-replication-group/index.ts
var cacheReplicationGroup = {
  kind: "CacheReplicationGroup",
  template: { what: "ElastiCache replication groups", extract: (input) => cacheReplicationGroupsOf(input.template, input.resolver, input.graph) },
  snapshot: cacheReplicationGroupsFromSnapshot
};

// packages/core/src/entities/db-cluster/snapshot.ts
function dbClustersFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    const byCluster = /* @__PURE__ */ new Map();
    for (const d of r.rds?.DescribeDBInstances?.DBInstances ?? []) {
      if (d.DBClusterIdentifier === void 0) continue;
      const key = d.DBClusterIdentifier.toLowerCase();
      const list = byCluster.get(key);
      if (list) list.push(d);
      else byCluster.set(key, [d]);
    }
    (r.rds?.DescribeDBClusters?.DBClusters ?? []).forEach((c, i) => {
      const clusterId = c.DBClusterIdentifier ?? String(i);
      const arn = c.DBClusterArn ?? `arn:${input.partition}:rds:${region}:${input.account}:cluster:${clusterId}`;
      const own2 = byCluster.get(clusterId.toLowerCase()) ?? [];
      const members = [
        .../* @__PURE__ */ new Set([
          ...(c.DBClusterMembers ?? []).flatMap((m) => m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : []),
          ...own2.map((d) => d.DBInstanceIdentifier)
        ])
      ];
      const zoneOf = new Map(own2.flatMap((d) => d.AvailabilityZone ? [[d.DBInstanceIdentifier, d.AvailabilityZone]] : []));
      const zones = members.every((m) => zoneOf.has(m)) ? [...new Set(members.map((m) => zoneOf.get(m) ?? ""))] : void 0;
      const engineMode = c.EngineMode?.toLowerCase();
      const multiAzCluster = c.DBClusterInstanceClass !== void 0 && !(c.Engine ?? "").toLowerCase().startsWith("aurora");
      let multiAz;
      if (multiAzCluster) multiAz = true;
      else if (engineMode === "serverless" || members.length === 0) multiAz = void 0;
      else if (members.length === 1) multiAz = false;
      else if (c.MultiAZ === true || zones && zones.length > 1) multiAz = true;
      else multiAz = zones ? false : c.MultiAZ;
      const cluster2 = {
        kind: "DbCluster",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "rds", "DescribeDBClusters", "DBClusters", i, "DBClusterIdentifier"], arn),
        displayName: clusterId,
        clusterId,
        resourceType: "DBCluster",
        ...c.Engine ? { engine: c.Engine.toLowerCase() } : {},
        ...engineMode ? { engineMode } : {},
        ...multiAzCluster ? { multiAzCluster } : {},
        members,
        ...zones && zones.length > 0 ? { memberZones: zones } : {},
        ...multiAz !== void 0 ? { multiAz } : {},
        ...c.StorageEncrypted !== void 0 ? { storageEncrypted: c.StorageEncrypted } : {},
        ...c.BackupRetentionPeriod !== void 0 ? { backupRetentionPeriod: c.BackupRetentionPeriod } : {},
        // The member instances say it for themselves when they are listed.
        ...multiAzCluster && own2.length === 0 && c.PubliclyAccessible !== void 0 ? { publiclyAccessible: c.PubliclyAccessible } : {}
      };
      out.push(withStack(cluster2, c.TagList));
    });
  }
  return out;
}

// packages/core/src/entities/db-cluster/template.ts
var byFalse2 = (a, b) => !a && b;
var byTrue = (a, b) => a && !b;
var bySmaller2 = (a, b) => a < b;
function dbClustersOf(template, resolver, graph) {
  const out = [];
  const instances = [...template.resources.values()].filter((r) => r.type === "AWS::RDS::DBInstance" && isCreated(resolver, r));
  for (const res of template.resources.values()) {
    if (!isCreated(resolver, res)) continue;
    if (res.type === "AWS::RDS::DBCluster") out.push(cluster(template, resolver, graph, res, instances));
    else if (res.type === "AWS::RDS::GlobalCluster") out.push(globalCluster(template, resolver, graph, res));
  }
  return out;
}
function cluster(template, resolver, graph, res, instances) {
  const props = res.properties;
  const clusterId = text2(resolver, get(props, "DBClusterIdentifier"));
  const engine = text2(resolver, get(props, "Engine"))?.toLowerCase();
  const engineMode = (text2(resolver, get(props, "EngineMode")) ?? (engine?.startsWith("aurora") ? "provisioned" : void 0))?.toLowerCase();
  const multiAzCluster = isWritten(resolver, res, "DBClusterInstanceClass");
  const settingSources = {};
  const take = (name, s) => {
    if (s) settingSources[name] = s.source;
    return s?.value;
  };
  const referring = new Set(
    graph.referencesTo(res.logicalId).filter((r) => r.fromType === "AWS::RDS::DBInstance" && r.path.startsWith("Properties/DBClusterIdentifier")).map((r) => r.from)
  );
  const members = instances.filter(
    (i) => referring.has(i.logicalId) || clusterId !== void 0 && text2(resolver, get(i.properties, "DBClusterIdentifier"))?.toLowerCase() === clusterId.toLowerCase()
  );
  const memberZones = members.map((m) => text2(resolver, get(m.properties, "AvailabilityZone")));
  const clusterZones = resolver.value(get(props, "AvailabilityZones"));
  let zones;
  if (memberZones.length > 0 && memberZones.every((z) => z !== void 0)) zones = [...new Set(memberZones)];
  else if (Array.isArray(clusterZones) && clusterZones.length === 1 && typeof clusterZones[0] === "string") zones = [clusterZones[0]];
  let multiAz;
  if (multiAzCluster) multiAz = true;
  else if (engineMode === "serverless" || members.length === 0) multiAz = void 0;
  else if (members.length === 1) multiAz = false;
  else if (zones) multiAz = zones.length > 1;
  if (multiAz !== void 0 && !multiAzCluster) settingSources.multiAz = { location: res.loc };
  const inherited = ["SnapshotIdentifier", "SourceDBClusterIdentifier", "GlobalClusterIdentifier"].some((k) => isWritten(resolver, res, k));
  let storageEncrypted;
  if (engineMode === "serverless") storageEncrypted = true;
  else if (!inherited || isWritten(resolver, res, "StorageEncrypted")) {
    storageEncrypted = take("storageEncrypted", leastSafe(resolver, res, "StorageEncrypted", parseBoolean, isWritten(resolver, res, "KmsKeyId"), byFalse2));
  }
  const backupRetentionPeriod = take("backupRetentionPeriod", leastSafe(resolver, res, "BackupRetentionPeriod", parseInteger, 1, bySmaller2));
  let publiclyAccessible;
  if (multiAzCluster) {
    const noSubnetGroup = absentBranches(resolver, res, "DBSubnetGroupName");
    publiclyAccessible = take(
      "publiclyAccessible",
      leastSafe(resolver, res, "PubliclyAccessible", parseBoolean, noSubnetGroup.length > 0 ? true : void 0, byTrue)
    );
    const source = settingSources.publiclyAccessible;
    if (source?.defaulted) {
      const via = [...source.via ?? [], ...noSubnetGroup[0] ?? []];
      settingSources.publiclyAccessible = { ...source, ...via.length > 0 ? { via } : {} };
    }
  }
  return {
    kind: "DbCluster",
    id: `${template.file}#${res.logicalId}`,
    source: "template",
    location: res.loc,
    displayName: res.logicalId,
    clusterId: clusterId ?? res.logicalId,
    resourceType: "DBCluster",
    ...engine !== void 0 ? { engine } : {},
    ...engineMode !== void 0 ? { engineMode } : {},
    ...multiAzCluster ? { multiAzCluster } : {},
    members: members.map((m) => m.logicalId),
    ...zones ? { memberZones: zones } : {},
    ...multiAz !== void 0 ? { multiAz } : {},
    ...storageEncrypted !== void 0 ? { storageEncrypted } : {},
    ...backupRetentionPeriod !== void 0 ? { backupRetentionPeriod } : {},
    ...publiclyAccessible !== void 0 ? { publiclyAccessible } : {},
    settingSources
  };
}
function globalCluster(template, resolver, graph, res) {
  const props = res.properties;
  const settingSources = {};
  const s = isWritten(resolver, res, "SourceDBClusterIdentifier") ? void 0 : leastSafe(resolver, res, "StorageEncrypted", parseBoolean, false, byFalse2);
  if (s) settingSources.storageEncrypted = s.source;
  const members = graph.referencesTo(res.logicalId).filter((r) => r.fromType === "AWS::RDS::DBCluster" && r.path.startsWith("Properties/GlobalClusterIdentifier")).map((r) => r.from);
  const engine = text2(resolver, get(props, "Engine"))?.toLowerCase();
  return {
    kind: "DbCluster",
    id: `${template.file}#${res.logicalId}`,
    source: "template",
    location: res.loc,
    displayName: res.logicalId,
    clusterId: text2(resolver, get(props, "GlobalClusterIdentifier")) ?? res.logicalId,
    resourceType: "GlobalCluster",
    ...engine !== void 0 ? { engine } : {},
    engineMode: "global",
    members: [...new Set(members)],
    ...s ? { storageEncrypted: s.value } : {},
    settingSources
  };
}

// packages/core/src/entities/db-cluster/index.ts
var dbCluster = {
  kind: "DbCluster",
  template: { what: "DB clusters", extract: (input) => dbClustersOf(input.template, input.resolver, input.graph) },
  snapshot: dbClustersFromSnapshot
};

// packages/core/src/entities/db-instance/snapshot.ts
function dbInstancesFromSnapshot(input) {
  const out = [];
  const groups = /* @__PURE__ */ new Map();
  input.of("SecurityGroup").forEach((g, order) => {
    const key = `${g.region}\0${g.groupId}`;
    const list = groups.get(key);
    if (list) list.push({ order, group: g });
    else groups.set(key, [{ order, group: g }]);
  });
  const groupsOf = (region, ids) => {
    if (ids.length === 1) return (groups.get(`${region}\0${ids[0]}`) ?? []).map((g) => g.group);
    return [...new Set(ids)].flatMap((id) => groups.get(`${region}\0${id}`) ?? []).sort((a, b) => a.order - b.order).map((g) => g.group);
  };
  for (const [region, r] of input.regions()) {
    const clusters = new Map((r.rds?.DescribeDBClusters?.DBClusters ?? []).map((c) => [c.DBClusterIdentifier ?? "", c]));
    (r.rds?.DescribeDBInstances?.DBInstances ?? []).forEach((db, i) => {
      const dbInstanceId = db.DBInstanceIdentifier ?? String(i);
      const arn = db.DBInstanceArn ?? `arn:${input.partition}:rds:${region}:${input.account}:db:${dbInstanceId}`;
      const cluster2 = db.DBClusterIdentifier ? clusters.get(db.DBClusterIdentifier) : void 0;
      const securityGroupIds = (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? "").filter((id) => id !== "");
      const storageEncrypted = db.StorageEncrypted ?? cluster2?.StorageEncrypted;
      const port = db.Endpoint?.Port ?? db.DbInstancePort;
      const readReplicaSource = nonEmpty(db.ReadReplicaSourceDBInstanceIdentifier) ?? nonEmpty(db.ReadReplicaSourceDBClusterIdentifier);
      const instance2 = {
        kind: "DbInstance",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "rds", "DescribeDBInstances", "DBInstances", i, "DBInstanceIdentifier"], arn),
        displayName: dbInstanceId,
        dbInstanceId,
        ...db.Engine ? { engine: db.Engine } : {},
        ...db.DBClusterIdentifier ? { clusterId: db.DBClusterIdentifier } : {},
        ...db.MultiAZ !== void 0 ? { multiAz: db.MultiAZ } : {},
        ...db.PubliclyAccessible !== void 0 ? { publiclyAccessible: db.PubliclyAccessible } : {},
        ...storageEncrypted !== void 0 ? { storageEncrypted } : {},
        ...db.BackupRetentionPeriod !== void 0 ? { backupRetentionPeriod: db.BackupRetentionPeriod } : {},
        ...port !== void 0 && port > 0 ? { port } : {},
        securityGroupIds,
        securityGroups: groupsOf(region, securityGroupIds),
        ...readReplicaSource ? { readReplicaSource } : {}
      };
      out.push(withStack(instance2, db.TagList));
    });
  }
  return out;
}

// packages/core/src/entities/db-instance/engines.ts
var FAMILIES = [
  { test: /^aurora-postgresql$/, label: "Aurora PostgreSQL", port: 5432 },
  { test: /^aurora(-mysql)?$/, label: "Aurora MySQL", port: 3306 },
  { test: /^mysql$/, label: "MySQL", port: 3306 },
  { test: /^mariadb$/, label: "MariaDB", port: 3306 },
  { test: /^postgres(ql)?$/, label: "PostgreSQL", port: 5432 },
  { test: /^(custom-)?oracle-/, label: "Oracle", port: 1521 },
  { test: /^(custom-)?sqlserver-/, label: "SQL Server", port: 1433 },
  { test: /^db2-/, label: "Db2", port: 5e4 },
  { test: /^docdb$/, label: "DocumentDB", port: 27017 },
  { test: /^neptune$/, label: "Neptune", port: 8182 }
];
function family(engine) {
  const e = engine?.trim().toLowerCase();
  return e ? FAMILIES.find((f) => f.test.test(e)) : void 0;
}
function engineDefaultPort(engine) {
  return family(engine)?.port;
}

// packages/core/src/entities/db-instance/template.ts
var byFalse3 = (a, b) => !a && b;
var byTrue2 = (a, b) => a && !b;
var bySmaller3 = (a, b) => a < b;
function dbInstancesOf(template, resolver, groups) {
  const dbGroups = dbSecurityGroupsOf(template, resolver);
  const drafts = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::RDS::DBInstance" || !isCreated(resolver, res)) continue;
    drafts.set(res.logicalId, draft(template, resolver, res, groups, dbGroups));
  }
  for (const d of drafts.values()) {
    const seen = /* @__PURE__ */ new Set();
    let src = d.sourceRes ? drafts.get(d.sourceRes.logicalId) : void 0;
    while (src?.inherited && src.sourceRes && !seen.has(src.res.logicalId)) {
      seen.add(src.res.logicalId);
      src = drafts.get(src.sourceRes.logicalId);
    }
    if (!src || src === d) continue;
    if (d.inherited && d.db.storageEncrypted === void 0 && src.db.storageEncrypted !== void 0) {
      d.db.storageEncrypted = src.db.storageEncrypted;
      const from = src.db.settingSources?.storageEncrypted;
      if (from && d.db.settingSources) {
        d.db.settingSources.storageEncrypted = { location: d.res.loc, inheritedFrom: src.res.logicalId, ...from.via ? { via: from.via } : {} };
      }
    }
    if (d.db.settingSources?.publiclyAccessible?.defaulted && d.db.readReplicaSource !== void 0 && isWritten(resolver, src.res, "DBSubnetGroupName")) {
      delete d.db.publiclyAccessible;
      delete d.db.settingSources.publiclyAccessible;
    }
    if (d.db.engine === void 0 && src.db.engine !== void 0) {
      d.db.engine = src.db.engine;
      if (d.db.port === void 0) d.db.port = engineDefaultPort(src.db.engine);
    }
  }
  return [...drafts.values()].map((d) => d.db);
}
function draft(template, resolver, res, groups, dbGroups) {
  const props = res.properties;
  const clusterNode = get(props, "DBClusterIdentifier");
  const clusterRes = refTarget2(template, clusterNode);
  const cluster2 = clusterRes?.type === "AWS::RDS::DBCluster" ? clusterRes : void 0;
  const clusterId = isWritten(resolver, res, "DBClusterIdentifier") ? text2(resolver, clusterNode) ?? clusterRes?.logicalId ?? "(DBClusterIdentifier)" : void 0;
  const engine = (text2(resolver, get(props, "Engine")) ?? (cluster2 ? text2(resolver, get(cluster2.properties, "Engine")) : void 0))?.toLowerCase();
  const member = clusterId !== void 0 || /^(aurora|docdb|neptune)/.test(engine ?? "");
  const sourceKey = ["SourceDBInstanceIdentifier", "SourceDbiResourceId", "SourceDBInstanceAutomatedBackupsArn"].find((k) => isWritten(resolver, res, k));
  const sourceNode = sourceKey ? get(props, sourceKey) : void 0;
  const sourceTarget = refTarget2(template, sourceNode);
  const sourceRes = sourceTarget?.type === "AWS::RDS::DBInstance" ? sourceTarget : void 0;
  const pointInTime = isWritten(resolver, res, "RestoreTime") || isWritten(resolver, res, "UseLatestRestorableTime");
  const replica = (sourceKey === "SourceDBInstanceIdentifier" || sourceKey === "SourceDbiResourceId") && !pointInTime;
  const restoredAlways = sourceKey !== void 0 || isWritten(resolver, res, "DBSnapshotIdentifier") && absentBranches(resolver, res, "DBSnapshotIdentifier").length === 0;
  const settingSources = {};
  const take = (name, s) => {
    if (s) settingSources[name] = s.source;
    return s?.value;
  };
  const multiAz = member ? void 0 : take("multiAz", leastSafe(resolver, res, "MultiAZ", parseBoolean, false, byFalse3));
  const noSubnetGroup = absentBranches(resolver, res, "DBSubnetGroupName");
  const publicByDefault = !member && noSubnetGroup.length > 0;
  const publiclyAccessible = take(
    "publiclyAccessible",
    leastSafe(resolver, res, "PubliclyAccessible", parseBoolean, publicByDefault ? true : void 0, byTrue2)
  );
  const publicSource = settingSources.publiclyAccessible;
  if (publicSource?.defaulted) {
    const via = [...publicSource.via ?? [], ...noSubnetGroup[0] ?? []];
    settingSources.publiclyAccessible = { ...publicSource, ...via.length > 0 ? { via } : {} };
  }
  let storageEncrypted;
  if (!member && !restoredAlways) {
    const kms = isWritten(resolver, res, "KmsKeyId");
    const s = leastSafe(resolver, res, "StorageEncrypted", parseBoolean, kms, byFalse3);
    const unrestored = absentBranches(resolver, res, "DBSnapshotIdentifier")[0] ?? [];
    if (s && unrestored.length > 0) s.source = { ...s.source, via: [...unrestored, ...s.source.via ?? []] };
    storageEncrypted = take("storageEncrypted", s);
  }
  const backupRetentionPeriod = member ? void 0 : take("backupRetentionPeriod", leastSafe(resolver, res, "BackupRetentionPeriod", parseInteger, replica ? void 0 : 1, bySmaller3));
  const portSetting = singleValue(resolver, res, "Port") ?? (cluster2 ? singleValue(resolver, cluster2, "Port") : void 0);
  const port = portSetting?.value ?? engineDefaultPort(engine);
  if (portSetting) settingSources.port = portSetting.source;
  const ids = /* @__PURE__ */ new Set();
  const found = /* @__PURE__ */ new Map();
  const collect = (owner, key) => {
    const node = get(owner.properties, key);
    for (const list of resolver.branches(node)) {
      if (!list.node || list.node.kind === "seq") continue;
      for (const c of resolver.values(list.node)) {
        for (const id of Array.isArray(c.value) ? c.value : []) {
          if (typeof id !== "string") continue;
          ids.add(id);
          for (const g of groups) if (g.groupId === id) found.set(g.id, g);
        }
      }
    }
    for (const item of listItems(resolver, node)) {
      const target = refTarget2(template, item);
      const dbGroup = target ? dbGroups.get(target.logicalId) : void 0;
      if (dbGroup) {
        ids.add(dbGroup.groupId);
        found.set(dbGroup.id, dbGroup);
        continue;
      }
      const id = target?.type === "AWS::EC2::SecurityGroup" ? target.logicalId : text2(resolver, item);
      if (id === void 0) continue;
      ids.add(id);
      for (const g of groups) if (g.groupId === id) found.set(g.id, g);
    }
  };
  collect(res, "VPCSecurityGroups");
  collect(res, "DBSecurityGroups");
  if (cluster2 && !isWritten(resolver, res, "VPCSecurityGroups")) collect(cluster2, "VpcSecurityGroupIds");
  const db = {
    kind: "DbInstance",
    id: `${template.file}#${res.logicalId}`,
    source: "template",
    location: res.loc,
    displayName: res.logicalId,
    dbInstanceId: text2(resolver, get(props, "DBInstanceIdentifier")) ?? res.logicalId,
    ...engine !== void 0 ? { engine } : {},
    ...clusterId !== void 0 ? { clusterId } : {},
    ...multiAz !== void 0 ? { multiAz } : {},
    ...publiclyAccessible !== void 0 ? { publiclyAccessible } : {},
    ...storageEncrypted !== void 0 ? { storageEncrypted } : {},
    ...backupRetentionPeriod !== void 0 ? { backupRetentionPeriod } : {},
    ...port !== void 0 ? { port } : {},
    securityGroupIds: [...ids],
    securityGroups: [...found.values()],
    ...replica && sourceKey ? { readReplicaSource: sourceRes?.logicalId ?? text2(resolver, sourceNode) ?? `(${sourceKey})` } : {},
    settingSources
  };
  return { res, db, ...sourceRes ? { sourceRes } : {}, inherited: restoredAlways && !member };
}
function singleValue(resolver, res, key) {
  const node = get(res.properties, key);
  if (!node) return void 0;
  const values = new Set(resolver.values(node).map((c) => parseInteger(c.value)));
  const [only] = values;
  if (values.size !== 1 || only === void 0) return void 0;
  const source = { location: { ...node.loc, logicalPath: `${res.logicalId}/Properties/${key}` } };
  return { value: only, source };
}
function listItems(resolver, node) {
  const out = [];
  for (const list of resolver.branches(node)) {
    if (list.node?.kind !== "seq") continue;
    for (const item of list.node.items) for (const b of resolver.branches(item)) if (b.node) out.push(b.node);
  }
  return out;
}
function dbSecurityGroupsOf(template, resolver) {
  const out = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::RDS::DBSecurityGroup") continue;
    const rules = [];
    const list = get(res.properties, "DBSecurityGroupIngress");
    const items2 = list?.kind === "seq" ? list.items : list ? [list] : [];
    items2.forEach((item, i) => {
      append(rules, dbIngressRules(resolver, item, `${res.logicalId}/Properties/DBSecurityGroupIngress/${i}`));
    });
    out.set(res.logicalId, {
      kind: "SecurityGroup",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      groupId: res.logicalId,
      rules
    });
  }
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::RDS::DBSecurityGroupIngress" || !res.properties) continue;
    const owner = out.get(refTarget2(template, get(res.properties, "DBSecurityGroupName"))?.logicalId ?? "");
    if (owner) append(owner.rules, dbIngressRules(resolver, res.properties, `${res.logicalId}/Properties`));
  }
  return out;
}
function dbIngressRules(resolver, item, path3) {
  const cidr = get(item, "CIDRIP");
  const group = get(item, "EC2SecurityGroupId") ?? get(item, "EC2SecurityGroupName");
  if (cidr) {
    return resolver.values(cidr).map((c) => ({
      direction: "ingress",
      protocol: "tcp",
      ...typeof c.value === "string" ? { cidrIpv4: c.value } : {},
      location: { ...(c.at ?? cidr).loc, logicalPath: `${path3}/CIDRIP` },
      ...c.via.length > 0 ? { via: c.via } : {}
    }));
  }
  if (group) return [{ direction: "ingress", protocol: "tcp", sourceSecurityGroup: text2(resolver, group) ?? "(EC2SecurityGroupId)", location: group.loc }];
  return [];
}

// packages/core/src/entities/db-instance/index.ts
var dbInstance = {
  kind: "DbInstance",
  template: { what: "databases", extract: (input) => dbInstancesOf(input.template, input.resolver, input.of("SecurityGroup")) },
  snapshot: dbInstancesFromSnapshot
};

// packages/core/src/entities/elastic-ip/snapshot.ts
function elasticIpsFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    const ec2 = r.ec2;
    const states = /* @__PURE__ */ new Map();
    for (const res of ec2?.DescribeInstances?.Reservations ?? []) {
      for (const inst of res.Instances ?? []) if (inst.InstanceId && inst.State?.Name) states.set(inst.InstanceId, inst.State.Name);
    }
    const instancesKnown = ec2?.DescribeInstances !== void 0;
    const natByEni = /* @__PURE__ */ new Map();
    const natByAllocation = /* @__PURE__ */ new Map();
    for (const nat of ec2?.DescribeNatGateways?.NatGateways ?? []) {
      for (const a of nat.NatGatewayAddresses ?? []) {
        if (a.NetworkInterfaceId && nat.NatGatewayId) natByEni.set(a.NetworkInterfaceId, nat.NatGatewayId);
        if (a.AllocationId && nat.NatGatewayId) natByAllocation.set(a.AllocationId, nat.NatGatewayId);
      }
    }
    (ec2?.DescribeAddresses?.Addresses ?? []).forEach((a, i) => {
      const instanceId = nonEmpty(a.InstanceId);
      const eni = nonEmpty(a.NetworkInterfaceId);
      const natGatewayId = eni && natByEni.get(eni) || a.AllocationId && natByAllocation.get(a.AllocationId) || void 0;
      let association = "none";
      if (natGatewayId) association = "nat-gateway";
      else if (instanceId) association = "instance";
      else if (eni || nonEmpty(a.AssociationId)) association = "network-interface";
      const id = a.AllocationId ?? a.PublicIp ?? String(i);
      const arn = input.ec2Arn(region, "elastic-ip", id);
      const instanceState = instanceId ? states.get(instanceId) : void 0;
      const eip = {
        kind: "ElasticIp",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "ec2", "DescribeAddresses", "Addresses", i, a.AllocationId ? "AllocationId" : "PublicIp"], arn),
        displayName: a.PublicIp && a.AllocationId ? `${a.PublicIp} (${a.AllocationId})` : id,
        ...a.AllocationId ? { allocationId: a.AllocationId } : {},
        ...a.PublicIp ? { publicIp: a.PublicIp } : {},
        association,
        ...instanceId ? { instanceId } : {},
        // An instance missing from a complete DescribeInstances is gone; say so rather than leave it unknown.
        ...instanceState ? { instanceState } : instanceId && instancesKnown ? { instanceState: "terminated" } : {},
        ...eni ? { networkInterfaceId: eni } : {},
        ...natGatewayId ? { natGatewayId } : {}
      };
      out.push(withStack(eip, a.Tags));
    });
  }
  return out;
}

// packages/core/src/entities/elastic-ip/template.ts
function elasticIpsOf(template, resolver, graph) {
  const out = [];
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::EIP") continue;
    const eip = {
      kind: "ElasticIp",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      allocationId: res.logicalId,
      association: "none"
    };
    const instance2 = get(res.properties, "InstanceId");
    if (instance2) {
      const branches = resolver.branches(instance2);
      const absent = branches.find((b) => b.node === void 0);
      if (absent) {
        eip.association = "none";
        if (absent.via.length > 0) eip.via = absent.via;
      } else eip.association = "instance";
      out.push(eip);
      continue;
    }
    for (const ref of graph.referencesTo(res.logicalId)) {
      if (ref.from.startsWith("Outputs/")) {
        const output = get(get(template.root, "Outputs"), ref.from.slice("Outputs/".length));
        if (get(output, "Export") !== void 0 && ref.path.startsWith("Value") && eip.association === "none") eip.association = "unknown";
        continue;
      }
      if (ref.fromType === "AWS::EC2::EIPAssociation") {
        const assoc = template.resources.get(ref.from)?.properties;
        eip.association = get(assoc, "NetworkInterfaceId") ? "network-interface" : "instance";
      } else if (ref.fromType === "AWS::EC2::NatGateway" && ref.path === "Properties/AllocationId") {
        eip.association = "nat-gateway";
        eip.natGatewayId = ref.from;
      } else if (eip.association === "none") {
        eip.association = "unknown";
      }
    }
    out.push(eip);
  }
  return out;
}

// packages/core/src/entities/elastic-ip/index.ts
var elasticIp = {
  kind: "ElasticIp",
  template: { what: "Elastic IPs", extract: (input) => elasticIpsOf(input.template, input.resolver, input.graph) },
  snapshot: elasticIpsFromSnapshot
};

// packages/core/src/snapshot/authorization-details.ts
var AUTHORIZATION_PATH = ["global", "iam", "GetAccountAuthorizationDetails"];
function authorizationDetails(input) {
  return input.snapshot.global.iam?.GetAccountAuthorizationDetails;
}
function policyNameOfArn(arn) {
  const m = /:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1] ?? arn;
}
var ADMINISTRATOR_ACCESS_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

// packages/core/src/entities/iam-group/snapshot.ts
function iamGroupsFromSnapshot(input) {
  const details = authorizationDetails(input);
  if (!details) return [];
  const members = /* @__PURE__ */ new Map();
  for (const u of details.UserDetailList ?? []) {
    for (const g of u.GroupList ?? []) members.set(g, [...members.get(g) ?? [], u.UserName]);
  }
  return (details.GroupDetailList ?? []).map((g, i) => {
    const arn = g.Arn ?? `arn:${input.partition}:iam::${input.account}:group/${g.GroupName}`;
    return {
      kind: "IamGroup",
      id: arn,
      ...input.base(void 0),
      location: input.loc.at([...AUTHORIZATION_PATH, "GroupDetailList", i, "GroupName"], arn),
      displayName: g.GroupName,
      groupName: g.GroupName,
      arn,
      members: members.get(g.GroupName) ?? [],
      attachedPolicies: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOfArn(p.PolicyArn ?? "")),
      inlinePolicies: (g.GroupPolicyList ?? []).flatMap((p) => p.PolicyName ? [p.PolicyName] : [])
    };
  });
}

// packages/core/src/entities/iam-group/template.ts
function iamGroupsOf(template, resolver, users) {
  const out = [];
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::IAM::Group") continue;
    const props = res.properties;
    const members = users.filter((u) => u.groups.includes(res.logicalId)).map((u) => u.displayName);
    for (const add of template.resources.values()) {
      if (add.type !== "AWS::IAM::UserToGroupAddition") continue;
      if (!principalRefs(template, resolver, get(add.properties, "GroupName"), "group").some((g) => g.logicalId === res.logicalId)) continue;
      for (const u of principalRefs(template, resolver, get(add.properties, "Users"), "user")) if (!members.includes(u.name)) members.push(u.name);
    }
    out.push({
      kind: "IamGroup",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: { ...res.loc, logicalPath: res.logicalId },
      displayName: res.logicalId,
      groupName: stringValue(resolver, get(props, "GroupName")) ?? res.logicalId,
      members,
      attachedPolicies: listNames(resolver, get(props, "ManagedPolicyArns"), (v) => v.split("/").pop() ?? v),
      inlinePolicies: inlineNames(resolver, get(props, "Policies"))
    });
  }
  return out;
}
function listNames(resolver, list, name) {
  const out = [];
  for (const b of resolver.branches(list)) {
    const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
    for (const item of items2) {
      const v = stringValue(resolver, item);
      const n = v !== void 0 ? name(v) : refTarget(item) ?? "(unresolved policy)";
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}
function inlineNames(resolver, list) {
  const out = [];
  for (const b of resolver.branches(list)) {
    if (b.node?.kind !== "seq") continue;
    b.node.items.forEach((item, i) => {
      const n = stringValue(resolver, get(item, "PolicyName")) ?? `#${i + 1}`;
      if (!out.includes(n)) out.push(n);
    });
  }
  return out;
}

// packages/core/src/entities/iam-group/index.ts
var iamGroup = {
  kind: "IamGroup",
  template: { what: "IAM groups", extract: (input) => iamGroupsOf(input.template, input.resolver, input.of("IamUser")) },
  snapshot: iamGroupsFromSnapshot
};

// packages/core/src/snapshot/policy.ts
function policyDocumentObject(doc) {
  if (doc === void 0) return void 0;
  if (typeof doc !== "string") return doc;
  for (const text3 of [doc, safeDecode(doc)]) {
    if (text3 === void 0) continue;
    try {
      const parsed = JSON.parse(text3);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
    } catch {
    }
  }
  return void 0;
}
function safeDecode(text3) {
  try {
    return decodeURIComponent(text3.replace(/\+/g, " "));
  } catch {
    return void 0;
  }
}

// packages/core/src/entities/iam-role/trust.ts
var PRINCIPAL_TYPES2 = /* @__PURE__ */ new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
function strings(value) {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function principalsOf(value) {
  if (value === "*") return [{ type: "*", value: "*" }];
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(
    ([type, v]) => PRINCIPAL_TYPES2.has(type) ? strings(v).map((value2) => ({ type, value: value2 })) : []
  );
}
function conditionsOf(value) {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(
    ([operator, byKey]) => isRecord(byKey) ? Object.entries(byKey).map(([key, v]) => ({ operator, key: key.toLowerCase(), values: strings(v).concat(typeof v === "boolean" ? [String(v)] : []) })) : []
  );
}
function trustStatement(value, location, via) {
  if (!isRecord(value)) return void 0;
  const effect = value.Effect === void 0 ? "Allow" : value.Effect;
  if (effect !== "Allow" && effect !== "Deny") return void 0;
  const notPrincipal = value.Principal === void 0 && value.NotPrincipal !== void 0;
  return {
    effect,
    principals: principalsOf(notPrincipal ? value.NotPrincipal : value.Principal),
    notPrincipal,
    actions: strings(value.Action),
    conditions: conditionsOf(value.Condition),
    location,
    ...via && via.length > 0 ? { via } : {}
  };
}
function trustStatements(doc, locate) {
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((s, i) => {
    const st = trustStatement(s, locate(Array.isArray(raw) ? ["Statement", i] : ["Statement"]));
    return st ? [st] : [];
  });
}
function trustedBy(trust) {
  const out = /* @__PURE__ */ new Set();
  for (const s of trust) {
    if (s.effect !== "Allow") continue;
    if (s.notPrincipal) out.add("any principal but those NotPrincipal names");
    for (const p of s.principals) out.add(p.type === "*" || p.value === "*" ? "any principal (*)" : `${p.type} ${p.value}`);
  }
  return [...out];
}

// packages/core/src/entities/iam-role/snapshot.ts
function iamRolesFromSnapshot(input) {
  const details = authorizationDetails(input);
  if (!details) return [];
  return (details.RoleDetailList ?? []).map((r, i) => {
    const arn = r.Arn ?? `arn:${input.partition}:iam::${input.account}:role/${r.RoleName}`;
    const path3 = [...AUTHORIZATION_PATH, "RoleDetailList", i];
    const doc = policyDocumentObject(r.AssumeRolePolicyDocument);
    const boundary = r.PermissionsBoundary?.PermissionsBoundaryArn;
    const role = {
      kind: "IamRole",
      id: arn,
      ...input.base(void 0),
      location: input.loc.at([...path3, "RoleName"], arn),
      displayName: r.RoleName,
      roleName: r.RoleName,
      arn,
      trust: doc ? trustStatements(doc, (p) => input.loc.at([...path3, "AssumeRolePolicyDocument", ...p], arn)) : [],
      attachedPolicies: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOfArn(p.PolicyArn ?? "")),
      inlinePolicies: (r.RolePolicyList ?? []).flatMap((p) => p.PolicyName ? [p.PolicyName] : []),
      ...boundary ? { permissionsBoundary: boundary } : {},
      instanceProfiles: (r.InstanceProfileList ?? []).flatMap((p) => p.InstanceProfileName ? [p.InstanceProfileName] : [])
    };
    return withStack(role, r.Tags);
  });
}

// packages/core/src/entities/iam-role/template.ts
function iamRolesOf(template, resolver) {
  const out = [];
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::IAM::Role") continue;
    const props = res.properties;
    const boundaryNode = get(props, "PermissionsBoundary");
    const boundary = boundaryNode ? stringValue(resolver, boundaryNode) ?? refTarget(boundaryNode) ?? "(unresolved policy)" : void 0;
    const profiles = [];
    for (const p of template.resources.values()) {
      if (p.type !== "AWS::IAM::InstanceProfile") continue;
      if (principalRefs(template, resolver, get(p.properties, "Roles"), "role").some((r) => r.logicalId === res.logicalId)) profiles.push(p.logicalId);
    }
    out.push({
      kind: "IamRole",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: { ...res.loc, logicalPath: res.logicalId },
      displayName: res.logicalId,
      roleName: stringValue(resolver, get(props, "RoleName")) ?? res.logicalId,
      trust: trustOf(resolver, get(props, "AssumeRolePolicyDocument")),
      attachedPolicies: listNames(resolver, get(props, "ManagedPolicyArns"), (v) => v.split("/").pop() ?? v),
      inlinePolicies: inlineNames(resolver, get(props, "Policies")),
      ...boundary !== void 0 ? { permissionsBoundary: boundary } : {},
      instanceProfiles: profiles
    });
  }
  return out;
}
var MAX_VARIANTS = 16;
function variants(resolver, node, via, depth = 0) {
  if (!node || depth > 32) return [{ value: void 0, via }];
  const fn = intrinsicName(node);
  if (fn === "Fn::If") {
    return resolver.branches(node, via).flatMap((b) => b.node ? variants(resolver, b.node, b.via, depth + 1) : [{ value: void 0, via: b.via }]);
  }
  if (fn) {
    const v = resolver.value(node);
    return [{ value: v !== void 0 ? v : looseText(resolver, node), via }];
  }
  if (node.kind === "scalar") return [{ value: node.value, via }];
  const parts = node.kind === "seq" ? node.items.map((i) => ["", i]) : node.entries.map((e) => [e.key, e.value]);
  let acc = [{ values: [], via }];
  for (const [key, child] of parts) {
    const options = variants(resolver, child, [], depth + 1);
    const next = acc.flatMap(
      (a) => options.map((o) => ({ values: [...a.values, [key, o.value]], via: [.../* @__PURE__ */ new Set([...a.via, ...o.via])] }))
    );
    acc = next.length > MAX_VARIANTS ? next.slice(0, 1) : next;
  }
  return acc.map((a) => ({ value: node.kind === "seq" ? a.values.map(([, v]) => v) : Object.fromEntries(a.values), via: a.via }));
}
function trustOf(resolver, doc) {
  const out = [];
  for (const b of resolver.branches(doc)) {
    const node = b.node;
    if (!node) continue;
    if (node.kind === "map" && !intrinsicName(node)) {
      for (const sb of resolver.branches(get(node, "Statement"), b.via)) {
        const items2 = sb.node?.kind === "seq" ? sb.node.items : sb.node ? [sb.node] : [];
        for (const item of items2) {
          for (const ib of resolver.branches(item, sb.via)) {
            if (!ib.node) continue;
            const location = (get(ib.node, "Principal") ?? get(ib.node, "NotPrincipal") ?? ib.node).loc;
            for (const v of variants(resolver, ib.node, ib.via)) {
              const st = trustStatement(v.value, location, v.via);
              if (st) out.push(st);
            }
          }
        }
      }
      continue;
    }
    const text3 = looseText(resolver, node);
    let parsed;
    try {
      parsed = text3 === void 0 ? void 0 : JSON.parse(text3);
    } catch {
      parsed = void 0;
    }
    const statements = parsed?.Statement;
    for (const s of Array.isArray(statements) ? statements : [statements]) {
      const st = trustStatement(s, node.loc, b.via);
      if (st) out.push(st);
    }
  }
  return out;
}

// packages/core/src/entities/iam-role/index.ts
var iamRole = {
  kind: "IamRole",
  template: { what: "IAM roles", extract: (input) => iamRolesOf(input.template, input.resolver) },
  snapshot: iamRolesFromSnapshot
};

// packages/core/src/snapshot/credential-report.ts
var ROOT_ROW_USER = "<root_account>";
function credentialReportText(content) {
  const trimmed = content.trimStart();
  if (trimmed.startsWith("user,")) return trimmed;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return void 0;
  const decoded = Buffer.from(trimmed, "base64").toString("utf8");
  return decoded.startsWith("user,") ? decoded : void 0;
}
function parseCredentialReport(content) {
  const text3 = credentialReportText(content);
  if (text3 === void 0) return void 0;
  const lines = text3.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "");
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}
function splitCsvLine(line) {
  const out = [];
  let cur = "";
  let quoted2 = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted2) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted2 = false;
      else cur += ch;
    } else if (ch === '"') quoted2 = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
function reportBool(value) {
  return value === "true" ? true : value === "false" ? false : void 0;
}
function reportDate(value) {
  return value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : void 0;
}
function credentialReport(input) {
  return input.once(readReport);
}
function readReport(input) {
  const content = input.snapshot.global.iam?.GetCredentialReport?.Content;
  const rows = content === void 0 ? void 0 : parseCredentialReport(content);
  return rows ? { rows, path: ["global", "iam", "GetCredentialReport"] } : void 0;
}

// packages/core/src/snapshot/redact.ts
function redactKeyId(id) {
  return `${id.slice(0, 4)}${"*".repeat(12)}${id.slice(-4)}`;
}
function keyIdForDisplay(stored) {
  const id = stored.replace(/#\d+$/, "");
  return /^[A-Z0-9]{4}\*{12}[A-Z0-9]{4}$/.test(id) ? id : redactKeyId(id);
}

// packages/core/src/entities/iam-user/snapshot.ts
function iamUsersFromSnapshot(input) {
  const iam = input.snapshot.global.iam;
  const report = credentialReport(input);
  const rows = new Map((report?.rows ?? []).map((r) => [r.user ?? "", r]));
  const details = authorizationDetails(input);
  const detailIndex = /* @__PURE__ */ new Map();
  (details?.UserDetailList ?? []).forEach((u, k) => {
    if (!detailIndex.has(u.UserName)) detailIndex.set(u.UserName, k);
  });
  const listed = (iam?.ListUsers?.Users ?? []).map((user, i) => ({
    user,
    at: ["global", "iam", "ListUsers", "Users", i, "UserName"]
  }));
  return listed.map(({ user: u, at }, i) => {
    const userName = u.UserName ?? String(i);
    const arn = u.Arn ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    const row = rows.get(userName);
    const keysPath = ["global", "iam", "ListAccessKeys", userName];
    const listed2 = iam?.ListAccessKeys?.[userName];
    const accessKeys = listed2 ? (listed2.AccessKeyMetadata ?? []).map((k2, j) => {
      const keyId = k2.AccessKeyId ?? "";
      const lastUse = iam?.GetAccessKeyLastUsed?.[keyId];
      const lastUsedAt = lastUse?.AccessKeyLastUsed?.LastUsedDate;
      return {
        id: keyIdForDisplay(keyId),
        active: k2.Status === "Active",
        ...k2.CreateDate ? { createdAt: k2.CreateDate } : {},
        ...lastUsedAt ? { lastUsedAt } : {},
        lastUsedKnown: lastUse !== void 0,
        location: input.loc.at([...keysPath, "AccessKeyMetadata", j, "AccessKeyId"], arn)
      };
    }) : reportKeys(row, input.loc.at(report?.path ?? [], arn));
    const mfaDevices = iam?.ListMFADevices?.[userName]?.MFADevices;
    const mfaActive = reportBool(row?.mfa_active) ?? (mfaDevices ? mfaDevices.length > 0 : void 0);
    const consoleAccess = reportBool(row?.password_enabled);
    const passwordLastUsed = reportDate(row?.password_last_used) ?? u.PasswordLastUsed;
    const k = detailIndex.get(userName);
    const detail = k === void 0 ? void 0 : details?.UserDetailList?.[k];
    const detailPath = [...AUTHORIZATION_PATH, "UserDetailList", k ?? 0];
    const attachedPath = details ? [...detailPath, "AttachedManagedPolicies"] : ["global", "iam", "ListAttachedUserPolicies", userName, "AttachedPolicies"];
    const attached = ((details ? detail?.AttachedManagedPolicies : iam?.ListAttachedUserPolicies?.[userName]?.AttachedPolicies) ?? []).map((p, k2) => ({
      name: p.PolicyName ?? p.PolicyArn ?? "",
      type: "managed",
      location: input.loc.at([...attachedPath, k2, p.PolicyArn !== void 0 ? "PolicyArn" : "PolicyName"], arn)
    }));
    const inline = details ? (detail?.UserPolicyList ?? []).map((p, k2) => ({
      name: p.PolicyName ?? `#${k2 + 1}`,
      type: "inline",
      location: input.loc.at([...detailPath, "UserPolicyList", k2, "PolicyName"], arn)
    })) : (iam?.ListUserPolicies?.[userName]?.PolicyNames ?? []).map((name, k2) => ({
      name,
      type: "inline",
      location: input.loc.at(["global", "iam", "ListUserPolicies", userName, "PolicyNames", k2], arn)
    }));
    const groups = details ? detail?.GroupList ?? [] : (iam?.ListGroupsForUser?.[userName]?.Groups ?? []).map((g) => g.GroupName ?? "").filter((n) => n !== "");
    const boundary = detail?.PermissionsBoundary?.PermissionsBoundaryArn;
    const createdAt = u.CreateDate ?? reportDate(row?.user_creation_time);
    return {
      kind: "IamUser",
      id: arn,
      ...input.base(void 0),
      location: input.loc.at(at, arn),
      displayName: userName,
      userName,
      arn,
      ...createdAt ? { createdAt } : {},
      groups,
      attachedPolicies: attached.map((p) => p.name),
      inlinePolicies: inline.map((p) => p.name),
      ...consoleAccess !== void 0 ? { consoleAccess } : {},
      ...passwordLastUsed ? { passwordLastUsed } : {},
      ...mfaActive !== void 0 ? { mfaActive } : {},
      accessKeys,
      ...boundary ? { permissionsBoundary: boundary } : {},
      ...attached.length + inline.length > 0 ? { policyLocations: [...attached, ...inline] } : {}
    };
  });
}
function reportKeys(row, location) {
  if (!row) return [];
  const out = [];
  for (const n of [1, 2]) {
    const active = reportBool(row[`access_key_${n}_active`]);
    const rotated = reportDate(row[`access_key_${n}_last_rotated`]);
    if (active === void 0 || !active && !rotated) continue;
    const lastUsedAt = reportDate(row[`access_key_${n}_last_used_date`]);
    out.push({
      id: `access key ${n}`,
      active,
      ...rotated ? { createdAt: rotated } : {},
      ...lastUsedAt ? { lastUsedAt } : {},
      lastUsedKnown: true,
      location
    });
  }
  return out;
}

// packages/core/src/entities/iam-user/template.ts
function iamUsersOf(template, resolver) {
  const users = /* @__PURE__ */ new Map();
  const byLogicalId = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::IAM::User") continue;
    const props = res.properties;
    const user = newUser(template, res.logicalId, stringValue(resolver, get(props, "UserName")) ?? res.logicalId, res.loc, res.logicalId);
    for (const g of principalRefs(template, resolver, get(props, "Groups"), "group")) addUnique(user.groups, g.name);
    for (const m of managedPolicyItems(resolver, get(props, "ManagedPolicyArns"))) attach(user, "managed", m.name, m.loc);
    for (const b of resolver.branches(get(props, "Policies"))) {
      if (b.node?.kind !== "seq") continue;
      b.node.items.forEach((item, i) => {
        for (const ib of resolver.branches(item, b.via)) {
          if (!ib.node) continue;
          attach(user, "inline", stringValue(resolver, get(ib.node, "PolicyName")) ?? `#${i + 1}`, ib.node.loc);
        }
      });
    }
    const boundary = get(props, "PermissionsBoundary");
    if (boundary) user.permissionsBoundary = stringValue(resolver, boundary) ?? refTarget(boundary) ?? "(unresolved policy)";
    user.consoleAccess = resolver.branches(get(props, "LoginProfile")).some((b) => b.node !== void 0);
    users.set(`logical:${res.logicalId}`, user);
    byLogicalId.set(res.logicalId, user);
  }
  const userFor = (ref) => {
    if (ref.logicalId) {
      const own2 = byLogicalId.get(ref.logicalId);
      if (own2) return own2;
    }
    const key = `name:${ref.name}`;
    let user = users.get(key);
    if (!user) {
      user = newUser(template, `user:${ref.name}`, ref.name, ref.location);
      user.definedElsewhere = true;
      users.set(key, user);
    }
    return user;
  };
  for (const res of template.resources.values()) {
    const props = res.properties;
    if (res.type === "AWS::IAM::Policy" || res.type === "AWS::IAM::ManagedPolicy") {
      const managed = res.type === "AWS::IAM::ManagedPolicy";
      const name = stringValue(resolver, get(props, managed ? "ManagedPolicyName" : "PolicyName")) ?? res.logicalId;
      for (const ref of principalRefs(template, resolver, get(props, "Users"), "user"))
        attach(userFor(ref), managed ? "managed" : "inline", name, ref.location);
    } else if (res.type === "AWS::IAM::UserPolicy") {
      const name = stringValue(resolver, get(props, "PolicyName")) ?? res.logicalId;
      for (const ref of principalRefs(template, resolver, get(props, "UserName"), "user")) attach(userFor(ref), "inline", name, ref.location);
    } else if (res.type === "AWS::IAM::UserToGroupAddition") {
      const group = principalRefs(template, resolver, get(props, "GroupName"), "group")[0]?.name;
      if (!group) continue;
      for (const ref of principalRefs(template, resolver, get(props, "Users"), "user")) {
        const own2 = ref.logicalId ? byLogicalId.get(ref.logicalId) : void 0;
        if (own2) addUnique(own2.groups, group);
      }
    } else if (res.type === "AWS::IAM::AccessKey") {
      const owner = principalRefs(template, resolver, get(props, "UserName"), "user")[0];
      const own2 = owner?.logicalId ? byLogicalId.get(owner.logicalId) : void 0;
      if (!own2) continue;
      const status = stringValue(resolver, get(props, "Status"));
      const key = { id: res.logicalId, active: status !== "Inactive", location: { ...res.loc, logicalPath: res.logicalId } };
      own2.accessKeys.push(key);
    }
  }
  return [...users.values()];
}
function newUser(template, idPart, userName, location, logicalPath) {
  return {
    kind: "IamUser",
    id: `${template.file}#${idPart}`,
    source: "template",
    location: logicalPath ? { ...location, logicalPath } : location,
    displayName: logicalPath ?? userName,
    userName,
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    accessKeys: [],
    policyLocations: []
  };
}
function attach(user, type, name, location) {
  const locations = user.policyLocations ?? [];
  if (locations.some((p) => p.type === type && p.name === name && p.location.line === location.line && p.location.column === location.column)) return;
  locations.push({ name, type, location });
  user.policyLocations = locations;
  addUnique(type === "managed" ? user.attachedPolicies : user.inlinePolicies, name);
}
function addUnique(list, value) {
  if (!list.includes(value)) list.push(value);
}
function policyNameOfArn2(arn) {
  const m = /:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1] ?? arn;
}
function managedPolicyItems(resolver, list) {
  const out = [];
  for (const b of resolver.branches(list)) {
    const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
    for (const item of items2) {
      for (const ib of resolver.branches(item, b.via)) {
        const n = ib.node;
        if (!n) continue;
        for (const c of resolver.values(n)) {
          const loc = (c.at ?? n).loc;
          if (typeof c.value === "string") out.push({ name: policyNameOfArn2(c.value), loc });
          else if (Array.isArray(c.value)) for (const v of c.value) out.push({ name: policyNameOfArn2(String(v)), loc });
          else {
            const target = refTarget(c.at ?? n) ?? refTarget(n);
            const isParam = target !== void 0 && resolver.template.parameters.has(target);
            out.push({ name: target ? isParam ? `(parameter ${target})` : target : "(unresolved policy)", loc });
          }
        }
      }
    }
  }
  return out;
}

// packages/core/src/entities/iam-user/index.ts
var iamUser = {
  kind: "IamUser",
  template: { what: "IAM users", extract: (input) => iamUsersOf(input.template, input.resolver) },
  snapshot: iamUsersFromSnapshot
};

// packages/core/src/entities/instance/snapshot.ts
var GONE = /* @__PURE__ */ new Set(["terminated", "shutting-down"]);
function instancesFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeInstances?.Reservations ?? []).forEach((reservation, ri) => {
      (reservation.Instances ?? []).forEach((inst, ii) => {
        const state = inst.State?.Name;
        if (state !== void 0 && GONE.has(state)) return;
        const instanceId = inst.InstanceId ?? `${ri}.${ii}`;
        const arn = input.ec2Arn(region, "instance", instanceId);
        const az = inst.Placement?.AvailabilityZone;
        const name = inst.Tags?.find((t) => t.Key === "Name")?.Value;
        const instance2 = {
          kind: "Instance",
          id: arn,
          ...input.base(region),
          location: input.loc.at(["regional", region, "ec2", "DescribeInstances", "Reservations", ri, "Instances", ii, "InstanceId"], arn),
          displayName: name ? `${instanceId} (${name})` : instanceId,
          instanceId,
          resourceType: "Instance",
          // EC2 reports the profile only when one is associated.
          hasInstanceProfile: inst.IamInstanceProfile?.Arn !== void 0 || inst.IamInstanceProfile?.Id !== void 0,
          ...state !== void 0 ? { state } : {},
          ...az ? { availabilityZone: az } : {}
        };
        out.push(withStack(instance2, inst.Tags));
      });
    });
  }
  return out;
}

// packages/core/src/entities/instance/template.ts
function profile(resolver, node) {
  if (!node) return { has: false };
  const absent = resolver.branches(node).find((b) => b.node === void 0);
  return absent ? { has: false, via: absent.via } : { has: true };
}
function profileResource(template, resolver, graph, node) {
  const target = graph.target(node);
  if (target) {
    const res = template.resources.get(target.logicalId);
    return res?.type === "AWS::IAM::InstanceProfile" ? res : void 0;
  }
  const name = resolver.value(node);
  if (typeof name !== "string") return void 0;
  return [...template.resources.values()].find(
    (r) => r.type === "AWS::IAM::InstanceProfile" && resolver.value(get(r.properties, "InstanceProfileName")) === name
  );
}
function emptyRoles(resolver, res) {
  for (const b of resolver.branches(get(res.properties, "Roles"))) {
    if (b.node?.kind !== "seq") continue;
    const roles = b.node.items.filter((item) => resolver.branches(item).some((x) => x.node !== void 0));
    if (roles.length === 0) return b.via;
  }
  return void 0;
}
function emptyProfile(template, resolver, graph, node) {
  for (const b of resolver.branches(node)) {
    if (!b.node) continue;
    const named = b.node.kind === "map" && !intrinsicName(b.node) ? get(b.node, "Arn") ?? get(b.node, "Name") : b.node;
    for (const n of resolver.branches(named, b.via)) {
      const res = n.node ? profileResource(template, resolver, graph, n.node) : void 0;
      const via = res ? emptyRoles(resolver, res) : void 0;
      if (res && n.node && via) return { profile: res.logicalId, location: n.node.loc, via: [...n.via, ...via] };
    }
  }
  return void 0;
}
function instancesOf(template, resolver, graph) {
  const out = [];
  const launchTemplates = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    let resourceType;
    let node;
    if (res.type === "AWS::EC2::LaunchTemplate") {
      resourceType = "LaunchTemplate";
      node = get(get(res.properties, "LaunchTemplateData"), "IamInstanceProfile");
    } else if (res.type === "AWS::AutoScaling::LaunchConfiguration") {
      resourceType = "LaunchConfiguration";
      node = get(res.properties, "IamInstanceProfile");
    } else continue;
    const p = { ...profile(resolver, node) };
    const empty = emptyProfile(template, resolver, graph, node);
    if (empty) p.empty = empty;
    launchTemplates.set(res.logicalId, p);
    out.push(entity(template, res.logicalId, res.loc, resourceType, p));
  }
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::Instance") continue;
    const node = get(res.properties, "IamInstanceProfile");
    const p = { ...profile(resolver, node) };
    const empty = emptyProfile(template, resolver, graph, node);
    if (empty) p.empty = empty;
    const lt = get(res.properties, "LaunchTemplate");
    if (!p.has && lt) {
      const ltNode = get(lt, "LaunchTemplateId") ?? get(lt, "LaunchTemplateName");
      const id = graph.target(ltNode)?.logicalId;
      const fromLt = id ? launchTemplates.get(id) : void 0;
      if (fromLt?.has !== false) {
        const inherited = fromLt ? { has: true } : void 0;
        if (inherited && fromLt?.empty) inherited.empty = { ...fromLt.empty, location: (ltNode ?? lt).loc };
        out.push(entity(template, res.logicalId, res.loc, "Instance", inherited));
        continue;
      }
    }
    out.push(entity(template, res.logicalId, res.loc, "Instance", p));
  }
  return out;
}
function entity(template, logicalId, loc, resourceType, p) {
  const out = {
    kind: "Instance",
    id: `${template.file}#${logicalId}`,
    source: "template",
    location: loc,
    displayName: logicalId,
    instanceId: logicalId,
    resourceType,
    ...p ? { hasInstanceProfile: p.has } : {},
    ...p?.via && p.via.length > 0 ? { via: p.via } : {}
  };
  if (p?.has && p.empty) {
    out.emptyInstanceProfile = p.empty.profile;
    out.fieldLocations = { emptyInstanceProfile: p.empty.location };
    if (p.empty.via.length > 0) out.fieldVia = { emptyInstanceProfile: p.empty.via };
  }
  return out;
}

// packages/core/src/entities/instance/index.ts
var instance = {
  kind: "Instance",
  template: { what: "instances", extract: (input) => instancesOf(input.template, input.resolver, input.graph) },
  snapshot: instancesFromSnapshot
};

// packages/core/src/entities/nat-gateway/snapshot.ts
function natGatewaysFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    const routeTables = r.ec2?.DescribeRouteTables?.RouteTables;
    const tablesByNat = /* @__PURE__ */ new Map();
    for (const t of routeTables ?? []) {
      for (const natId of new Set((t.Routes ?? []).map((route) => route.NatGatewayId))) {
        if (natId === void 0 || !t.RouteTableId) continue;
        const list = tablesByNat.get(natId);
        if (list) list.push(t.RouteTableId);
        else tablesByNat.set(natId, [t.RouteTableId]);
      }
    }
    (r.ec2?.DescribeNatGateways?.NatGateways ?? []).forEach((nat, i) => {
      const natGatewayId = nat.NatGatewayId ?? String(i);
      const arn = input.ec2Arn(region, "natgateway", natGatewayId);
      const routeTableIds = [...tablesByNat.get(natGatewayId) ?? []];
      const gateway = {
        kind: "NatGateway",
        id: arn,
        ...input.base(region),
        location: input.loc.at(["regional", region, "ec2", "DescribeNatGateways", "NatGateways", i, "NatGatewayId"], arn),
        displayName: natGatewayId,
        natGatewayId,
        ...nat.State ? { state: nat.State } : {},
        ...nat.SubnetId ? { subnetId: nat.SubnetId } : {},
        ...nat.ConnectivityType === "public" || nat.ConnectivityType === "private" ? { connectivityType: nat.ConnectivityType } : {},
        routeTableIds,
        routesKnown: routeTables !== void 0
      };
      out.push(withStack(gateway, nat.Tags));
    });
  }
  return out;
}

// packages/core/src/entities/nat-gateway/template.ts
function natGatewaysOf(template, resolver, graph) {
  const out = [];
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::NatGateway") continue;
    const connectivity = resolver.value(get(res.properties, "ConnectivityType"));
    const nat = {
      kind: "NatGateway",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      natGatewayId: res.logicalId,
      connectivityType: connectivity === "private" ? "private" : "public",
      routeTableIds: [],
      routesKnown: true
    };
    const subnet = resolver.value(get(res.properties, "SubnetId"));
    if (typeof subnet === "string") nat.subnetId = subnet;
    for (const ref of graph.referencesTo(res.logicalId)) {
      if (ref.fromType === "AWS::EC2::Route" && ref.path === "Properties/NatGatewayId") {
        const tableNode = get(template.resources.get(ref.from)?.properties, "RouteTableId");
        const table = graph.target(tableNode)?.logicalId ?? resolver.value(tableNode);
        nat.routeTableIds.push(typeof table === "string" ? table : ref.from);
      } else {
        nat.routesKnown = false;
      }
    }
    out.push(nat);
  }
  return out;
}

// packages/core/src/entities/nat-gateway/index.ts
var natGateway = {
  kind: "NatGateway",
  template: { what: "NAT gateways", extract: (input) => natGatewaysOf(input.template, input.resolver, input.graph) },
  snapshot: natGatewaysFromSnapshot
};

// packages/core/src/model/network.ts
var import_ipaddr = __toESM(require_ipaddr(), 1);
function normaliseProtocol(raw) {
  if (raw === void 0 || raw === null || typeof raw === "boolean") return void 0;
  const p = String(raw).trim().toLowerCase();
  switch (p) {
    case "-1":
    case "all":
      return "-1";
    case "6":
      return "tcp";
    case "17":
      return "udp";
    case "1":
      return "icmp";
    case "58":
      return "icmpv6";
    default:
      return p;
  }
}
function hasPorts(protocol) {
  return protocol === "tcp" || protocol === "udp";
}
var ALL_V4 = [0n, 1n << 32n];
var ALL_V6 = [0n, 1n << 128n];
var V4_HALF = 1n << 31n;
var V6_HALF = 1n << 127n;
var GLOBAL_UNICAST = [0x2n << 124n, 0x4n << 124n];
var GLOBAL_UNICAST_SIZE = 1n << 125n;
var MAPPED = [0xffffn << 32n, 0x10000n << 32n];
function toPort(value) {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return void 0;
}

// packages/core/src/entities/network-acl/snapshot.ts
function networkAclsFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeNetworkAcls?.NetworkAcls ?? []).forEach((acl, i) => {
      const aclId = acl.NetworkAclId ?? String(i);
      const arn = input.ec2Arn(region, "network-acl", aclId);
      const path3 = ["regional", region, "ec2", "DescribeNetworkAcls", "NetworkAcls", i];
      const entries = (acl.Entries ?? []).map((e, j) => {
        const entry = {
          ruleNumber: e.RuleNumber ?? 0,
          egress: e.Egress === true,
          action: e.RuleAction === "allow" ? "allow" : "deny",
          protocol: normaliseProtocol(e.Protocol) ?? "unknown"
        };
        if (e.PortRange?.From !== void 0) entry.fromPort = e.PortRange.From;
        if (e.PortRange?.To !== void 0) entry.toPort = e.PortRange.To;
        if (e.CidrBlock) entry.cidrIpv4 = e.CidrBlock;
        if (e.Ipv6CidrBlock) entry.cidrIpv6 = e.Ipv6CidrBlock;
        entry.location = input.loc.at([...path3, "Entries", j, e.CidrBlock ? "CidrBlock" : "Ipv6CidrBlock"], arn);
        return entry;
      });
      const networkAcl2 = {
        kind: "NetworkAcl",
        id: arn,
        ...input.base(region),
        location: input.loc.at([...path3, "NetworkAclId"], arn),
        displayName: aclId,
        aclId,
        ...acl.VpcId ? { vpcId: acl.VpcId } : {},
        ...acl.IsDefault !== void 0 ? { isDefault: acl.IsDefault } : {},
        // A snapshot written before associations were kept does not say which subnets use the ACL.
        ...acl.Associations ? { subnetIds: acl.Associations.flatMap((a) => a.SubnetId ? [a.SubnetId] : []) } : {},
        entries
      };
      out.push(withStack(networkAcl2, acl.Tags));
    });
  }
  return out;
}

// packages/core/src/template/resolution/fields.ts
function toBool(v) {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "true") return true;
    if (t === "false") return false;
  }
  return void 0;
}
function boolField(resolver, node, fallback, unsafe) {
  if (node === void 0) return { value: fallback };
  let known = true;
  for (const b of resolver.branches(node)) {
    if (b.node === void 0) {
      if (fallback === unsafe) return { value: unsafe, via: b.via };
      if (fallback === void 0) known = false;
      continue;
    }
    for (const c of resolver.values(b.node)) {
      const v = toBool(c.value);
      if (v === unsafe) return { value: unsafe, loc: (c.at ?? b.node).loc, via: [...b.via, ...c.via] };
      if (v === void 0) known = false;
    }
  }
  if (resolver.unevaluated.has(node)) known = false;
  return known ? { value: !unsafe, loc: node.loc } : { value: void 0, loc: node.loc };
}
function setField(entity3, name, field) {
  if (field.value !== void 0) entity3[name] = field.value;
  if (field.loc) entity3.fieldLocations = { ...entity3.fieldLocations, [name]: field.loc };
  if (field.via && field.via.length > 0) entity3.fieldVia = { ...entity3.fieldVia, [name]: field.via };
}

// packages/core/src/template/resolution/ports.ts
var MAX_COMBINATIONS = 1024;
function portValues(resolver, node) {
  if (!node) return [{ value: null, via: [] }];
  return resolver.branches(node).flatMap(
    (b) => b.node === void 0 ? [{ value: null, via: b.via }] : resolver.values(b.node).map((c) => ({ ...c, value: toPort(c.value), via: [...b.via, ...c.via] }))
  );
}
function cross(lists, via = []) {
  let acc = [{ parts: [], via }];
  for (const list of lists) {
    const opts = list.length > 0 ? list : [void 0];
    const next = [];
    for (const prefix of acc) {
      for (const o of opts) {
        const merged = o ? mergeVia(prefix.via, o.via) : prefix.via;
        if (merged) next.push({ parts: [...prefix.parts, o], via: merged });
      }
      if (next.length > MAX_COMBINATIONS) return void 0;
    }
    acc = next;
  }
  return acc;
}

// packages/core/src/entities/network-acl/template.ts
function networkAclsOf(template, resolver, graph, notices = []) {
  const acls = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::NetworkAcl") continue;
    const vpc = resolver.value(get(res.properties, "VpcId"));
    acls.set(res.logicalId, {
      kind: "NetworkAcl",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      aclId: res.logicalId,
      ...typeof vpc === "string" ? { vpcId: vpc } : {},
      entries: []
    });
  }
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::NetworkAclEntry" || !res.properties) continue;
    const props = res.properties;
    const aclNode = get(props, "NetworkAclId");
    const local = graph.target(aclNode)?.logicalId;
    const key = local ?? `external:${JSON.stringify(resolver.value(aclNode) ?? res.logicalId)}`;
    let acl = acls.get(key);
    if (!acl) {
      const external = resolver.value(aclNode);
      acl = {
        kind: "NetworkAcl",
        id: `${template.file}#${res.logicalId}`,
        source: "template",
        location: res.loc,
        displayName: typeof external === "string" ? external : res.logicalId,
        aclId: typeof external === "string" ? external : res.logicalId,
        entries: []
      };
      acls.set(key, acl);
    }
    const cidr4 = get(props, "CidrBlock");
    const cidr6 = get(props, "Ipv6CidrBlock");
    const v6 = !cidr4 && cidr6 !== void 0;
    const action = resolver.value(get(props, "RuleAction"));
    const ruleNumber = toPort(resolver.value(get(props, "RuleNumber")));
    const egress = toBool(resolver.value(get(props, "Egress"))) ?? false;
    const lists = [
      resolver.values(v6 ? cidr6 : cidr4),
      resolver.values(get(props, "Protocol")),
      portRanges(resolver, get(props, "PortRange"))
    ];
    let combos = cross(lists);
    if (!combos) {
      resolver.notEvaluated(res.node, "its CIDR block, protocol and port range have too many combinations of Fn::If branches");
      combos = [{ parts: lists.map((l) => l.length === 1 ? l[0] : { value: void 0, from: void 0, to: void 0, via: [] }), via: [] }];
    }
    const warned = /* @__PURE__ */ new Set();
    for (const { parts, via } of combos) {
      const [c, proto] = parts;
      const range = parts[2];
      const protocol = normaliseProtocol(scalarOf(proto?.value)) ?? "unknown";
      const entry = {
        ...ruleNumber !== void 0 ? { ruleNumber } : {},
        egress,
        action: typeof action === "string" && action.toLowerCase() === "deny" ? "deny" : "allow",
        protocol,
        location: { ...(c?.at ?? res.node).loc, logicalPath: `${res.logicalId}/${v6 ? "Ipv6CidrBlock" : "CidrBlock"}` }
      };
      const from = range?.from;
      const to = range?.to;
      if (typeof from === "number") entry.fromPort = from;
      if (typeof to === "number") entry.toPort = to;
      if (from === void 0 || to === void 0) entry.portsKnown = false;
      const missing = hasPorts(protocol) ? from === null && to === null ? "PortRange" : from === null ? "PortRange.From" : to === null ? "PortRange.To" : void 0 : void 0;
      if (missing) {
        entry.portsKnown = false;
        if (!warned.has(missing)) {
          warned.add(missing);
          notices.push({
            level: "warning",
            code: "not-deployable",
            file: template.file,
            line: res.loc.line,
            column: res.loc.column,
            message: `Network ACL entry ${res.logicalId} (${protocol}) has no ${missing}: EC2 requires a port range for tcp and udp, so CloudFormation rejects it; its ports are not judged (scanned anyway)`
          });
        }
      }
      if (typeof c?.value === "string") {
        if (v6) entry.cidrIpv6 = c.value;
        else entry.cidrIpv4 = c.value;
      }
      if (via.length > 0) entry.via = via;
      acl.entries.push(entry);
    }
  }
  for (const acl of acls.values()) acl.entries.sort((a, b) => (a.ruleNumber ?? -1) - (b.ruleNumber ?? -1));
  return [...acls.values()];
}
function portRanges(resolver, node) {
  const out = [];
  const end = (v) => typeof v === "number" || v === null ? v : void 0;
  for (const b of resolver.branches(node)) {
    for (const from of portValues(resolver, get(b.node, "From"))) {
      for (const to of portValues(resolver, get(b.node, "To"))) {
        const ends = mergeVia(from.via, to.via);
        const via = ends && mergeVia(b.via, ends);
        if (via) out.push({ from: end(from.value), to: end(to.value), via });
      }
    }
  }
  return out;
}
function scalarOf(v) {
  return typeof v === "string" || typeof v === "number" ? v : void 0;
}

// packages/core/src/entities/network-acl/index.ts
var networkAcl = {
  kind: "NetworkAcl",
  template: { what: "network ACLs", extract: (input) => networkAclsOf(input.template, input.resolver, input.graph, input.notifications) },
  snapshot: networkAclsFromSnapshot
};

// packages/core/src/entities/password-property/environment.ts
var FUNCTION_VARIABLES = [{ path: ["Environment", "Variables"], shape: "map" }];
var ENVIRONMENTS = {
  "AWS::Lambda::Function": FUNCTION_VARIABLES,
  "AWS::Serverless::Function": FUNCTION_VARIABLES,
  "AWS::ECS::TaskDefinition": [{ path: ["ContainerDefinitions", "*", "Environment"], shape: "pairs" }],
  "AWS::Batch::JobDefinition": [
    { path: ["ContainerProperties", "Environment"], shape: "pairs" },
    { path: ["NodeProperties", "NodeRangeProperties", "*", "Container", "Environment"], shape: "pairs" },
    { path: ["EcsProperties", "TaskProperties", "*", "Containers", "*", "Environment"], shape: "pairs" }
  ],
  "AWS::AppRunner::Service": [
    { path: ["SourceConfiguration", "ImageRepository", "ImageConfiguration", "RuntimeEnvironmentVariables"], shape: "pairs" },
    { path: ["SourceConfiguration", "CodeRepository", "CodeConfiguration", "CodeConfigurationValues", "RuntimeEnvironmentVariables"], shape: "pairs" }
  ],
  // `Type: PARAMETER_STORE` and `SECRETS_MANAGER` values name a secret; only `PLAINTEXT` (the default) holds one.
  "AWS::CodeBuild::Project": [{ path: ["Environment", "EnvironmentVariables"], shape: "pairs" }]
};
var ENVIRONMENT_PROPERTIES = {
  "AWS::Lambda::Function": ["Environment"],
  "AWS::Serverless::Function": ["Environment"]
};
function resourceVariables(resolver, type, properties) {
  const out = [];
  for (const place of own(ENVIRONMENTS, type) ?? []) {
    follow(resolver, properties, place.path, [], [], (node, label, via) => variablesIn(resolver, node, place.shape, label, via, out));
  }
  return out;
}
function mapVariables(resolver, node, prefix) {
  const out = [];
  for (const b of resolver.branches(node)) if (b.node) variablesIn(resolver, b.node, "map", prefix, b.via, out);
  return out;
}
function follow(resolver, node, path3, label, via, visit3) {
  for (const b of resolver.branches(node, via)) {
    const n = b.node;
    if (!n || intrinsicName(n)) continue;
    const [step, ...rest] = path3;
    if (step === void 0) {
      visit3(n, label.join("."), b.via);
      continue;
    }
    if (step === "*") {
      if (n.kind !== "seq") continue;
      const last = label.length - 1;
      n.items.forEach((item, i) => {
        const here = [...label.slice(0, last), `${label[last] ?? ""}[${i}]`];
        follow(resolver, item, rest, here, b.via, visit3);
      });
      continue;
    }
    follow(resolver, get(n, step), rest, [...label, step], b.via, visit3);
  }
}
function variablesIn(resolver, node, shape, label, via, out) {
  if (shape === "map") {
    if (node.kind !== "map") return;
    for (const e of node.entries) pushBranches(resolver, e.key, e.value, `${label}.${e.key}`, via, out);
    return;
  }
  if (node.kind !== "seq") return;
  for (const item of node.items) {
    for (const b of resolver.branches(item, via)) {
      if (!b.node || intrinsicName(b.node)) continue;
      const name = resolver.value(get(b.node, "Name"));
      const type = scalarString(get(b.node, "Type"));
      const value = get(b.node, "Value");
      if (typeof name !== "string" || !value || type !== void 0 && type.toUpperCase() !== "PLAINTEXT") continue;
      pushBranches(resolver, name, value, `${label}.${name}`, b.via, out);
    }
  }
}
function pushBranches(resolver, name, value, property, via, out) {
  for (const b of resolver.branches(value, via)) if (b.node) out.push({ name, value: b.node, property, via: b.via });
}
var TRAILING = /* @__PURE__ */ new Set([
  "VALUE",
  "BASE",
  "STR",
  "STRING",
  "TEXT",
  "PLAIN",
  "PLAINTEXT",
  "RAW",
  "PROD",
  "PRODUCTION",
  "DEV",
  "STAGING",
  "STAGE",
  "TEST",
  "QA",
  "LIVE"
]);
var SECRET_WORDS = /* @__PURE__ */ new Set(["PWD", "PASS", "PW", "SECRET", "SECRETS", "TOKEN", "TOKENS", "CREDENTIAL", "CREDENTIALS", "APIKEY", "PRIVATEKEY", "PASSPHRASE"]);
var KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "API",
  "PRIVATE",
  "SECRET",
  "SIGNING",
  "ENCRYPTION",
  "MASTER",
  "LICENSE",
  "CLIENT",
  "AUTH",
  "HMAC",
  "WEBHOOK",
  "SESSION",
  "JWT"
]);
function isSecretName(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== "");
  while (words.length > 1 && (TRAILING.has(words[words.length - 1] ?? "") || /^V?\d+$/.test(words[words.length - 1] ?? ""))) words.pop();
  const last = words[words.length - 1] ?? "";
  if (words.length === 1 && (last === "PWD" || last === "OLDPWD")) return false;
  if (/PASSWORD|PASSWD/.test(last) || SECRET_WORDS.has(last)) return true;
  return last === "KEY" && KEY_QUALIFIERS.has(words[words.length - 2] ?? "");
}
var NOT_A_SECRET = /^(<[^<>]*>|x{3,}|\*{3,}|\.{3,}|todo|tbd|n\/a|none|null|nil|undefined|true|false|yes|no|on|off|arn:.*)$/is;
function isPlaceholderValue(text3) {
  return NOT_A_SECRET.test(text3.trim());
}
var URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i;
function urlHasPassword(text3) {
  const m = URL_PASSWORD.exec(text3.trim());
  const password = m?.[1];
  return password !== void 0 && !/^(\$\{|\{\{|<|\*+$|x{3,}$)/i.test(password);
}

// packages/core/src/entities/password-property/template.ts
var PASSWORD_KEYS = /* @__PURE__ */ new Set([
  "Password",
  "Passwords",
  "MasterUserPassword",
  "DbPassword",
  "AdminPassword",
  "AdminUserPassword",
  "AccountPassword",
  "KdcAdminPassword",
  "CrossRealmTrustPrincipalPassword",
  "ADDomainJoinPassword",
  "SvmAdminPassword",
  "FsxAdminPassword"
]);
var TYPE_SECRET_KEYS = {
  "AWS::ElastiCache::ReplicationGroup": ["AuthToken"],
  "AWS::Amplify::App": ["AccessToken", "OauthToken"],
  "AWS::Pinpoint::APNSChannel": ["PrivateKey", "TokenKey"],
  "AWS::Pinpoint::APNSSandboxChannel": ["PrivateKey", "TokenKey"],
  "AWS::Pinpoint::APNSVoipChannel": ["PrivateKey", "TokenKey"],
  "AWS::Pinpoint::APNSVoipSandboxChannel": ["PrivateKey", "TokenKey"],
  "AWS::Pinpoint::GCMChannel": ["ApiKey"],
  "AWS::Pinpoint::BaiduChannel": ["ApiKey", "SecretKey"],
  "AWS::OpsWorks::App": ["PrivateKey"],
  "AWS::CodePipeline::Webhook": ["SecretToken"],
  "AWS::KinesisFirehose::DeliveryStream": ["HECToken"],
  "AWS::CodeBuild::SourceCredential": ["Token"],
  "AWS::DataSync::LocationObjectStorage": ["SecretKey"],
  "AWS::Glue::Connection": ["PASSWORD"],
  "Alexa::ASK::Skill": ["ClientSecret", "RefreshToken"]
};
var SKIPPED_PROPERTIES = {
  "AWS::SSM::Document": ["Content"],
  "AWS::StepFunctions::StateMachine": ["Definition", "DefinitionString"],
  "AWS::Serverless::StateMachine": ["Definition"]
};
var PLACEHOLDER = /^(\{\{(?!resolve:)[^{}]+\}\}|\$\{[^{}]+\}|\$\.[\w.[\]]+)$/;
var SECURE_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;
var PLAIN_SSM_REFERENCE = /\{\{resolve:ssm:/;
var NAMES_ONLY = /* @__PURE__ */ new Set(["secure-reference", "plaintext-ssm", "managed"]);
function scanPasswords(input) {
  return passwordsOf(input.template, input.resolver);
}
function passwordsOf(template, resolver) {
  const passwords = [];
  const secretParameters2 = /* @__PURE__ */ new Map();
  for (const res of template.resources.values()) {
    if (!res.properties) continue;
    const keys = /* @__PURE__ */ new Set([...PASSWORD_KEYS, ...own(TYPE_SECRET_KEYS, res.type) ?? []]);
    if (truthy(resolver, get(res.properties, "ManageMasterUserPassword"))) keys.delete("MasterUserPassword");
    const skipped = /* @__PURE__ */ new Set([...own(SKIPPED_PROPERTIES, res.type) ?? [], ...own(ENVIRONMENT_PROPERTIES, res.type) ?? []]);
    const props = { ...res.properties, entries: res.properties.entries.filter((e) => !skipped.has(e.key)) };
    findKeys(resolver, props, [], [], keys, (node, path3, via) => {
      const property = path3.join(".");
      const values = node.kind === "seq" && path3[path3.length - 1]?.startsWith("Passwords") ? node.items : [node];
      values.forEach((value, i) => {
        const prop = values.length > 1 || node.kind === "seq" ? `${property}[${i}]` : property;
        const found = classify(template, resolver, value, via);
        const holders = NAMES_ONLY.has(found.source) ? [] : found.parameters;
        for (const p of holders) {
          const uses = secretParameters2.get(p) ?? [];
          uses.push(`${prop} of ${res.logicalId}`);
          secretParameters2.set(p, uses);
        }
        passwords.push(entity2(template, res, prop, found));
      });
    });
    for (const v of resourceVariables(resolver, res.type, res.properties)) variable(res, v);
  }
  const globals = get(get(get(template.root, "Globals"), "Function"), "Environment");
  for (const v of mapVariables(resolver, get(globals, "Variables"), "Function.Environment.Variables")) variable(GLOBALS, v);
  const service = template.serverless;
  if (service) {
    for (const v of mapVariables(resolver, get(get(service, "provider"), "environment"), "environment")) variable(PROVIDER, v);
    const functions = get(service, "functions");
    const groups = functions?.kind === "seq" ? functions.items : [functions];
    for (const group of groups) {
      if (group?.kind !== "map") continue;
      for (const f of group.entries) {
        const owner = { logicalId: `functions.${f.key}`, type: "AWS::Lambda::Function" };
        for (const v of mapVariables(resolver, get(f.value, "environment"), "environment")) variable(owner, v);
      }
    }
  }
  return { passwords, secretParameters: secretParameters2 };
  function variable(owner, v) {
    const text3 = v.value.kind === "scalar" && v.value.value !== null ? String(v.value.value) : void 0;
    let found;
    if (!isSecretName(v.name)) {
      if (text3 === void 0 || !urlHasPassword(text3) || unknownText(template, text3)) return;
      found = { source: "literal", location: v.value.loc, via: v.via, parameters: [] };
    } else {
      if (text3 !== void 0 && isPlaceholderValue(text3)) return;
      found = classify(template, resolver, v.value, v.via);
    }
    for (const p of NAMES_ONLY.has(found.source) ? [] : found.parameters) {
      const uses = secretParameters2.get(p) ?? [];
      uses.push(`${v.property} of ${owner.logicalId}`);
      secretParameters2.set(p, uses);
    }
    passwords.push(entity2(template, owner, v.property, found, v.name));
  }
}
var GLOBALS = { logicalId: "Globals", type: "AWS::Serverless::Function" };
var PROVIDER = { logicalId: "provider", type: "AWS::Lambda::Function" };
function unknownText(template, text3) {
  return template.variables?.test(text3) ?? false;
}
function truthy(resolver, node) {
  const v = resolver.value(node);
  return v === true || typeof v === "string" && v.toLowerCase() === "true";
}
function findKeys(resolver, node, path3, via, keys, visit3) {
  if (!node || node.kind === "scalar") return;
  for (const b of resolver.branches(node, via)) {
    const n = b.node;
    if (!n || intrinsicName(n)) continue;
    if (n.kind === "map") {
      for (const e of n.entries) {
        path3.push(e.key);
        if (keys.has(e.key)) {
          for (const vb of resolver.branches(e.value, b.via)) if (vb.node) visit3(vb.node, [...path3], vb.via);
        } else findKeys(resolver, e.value, path3, b.via, keys, visit3);
        path3.pop();
      }
    } else if (n.kind === "seq") {
      const top = path3.length === 0;
      if (top) path3.push("");
      const at = path3.length - 1;
      const last = path3[at] ?? "";
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i];
        if (item.kind === "scalar") continue;
        path3[at] = `${last}[${i}]`;
        findKeys(resolver, item, path3, b.via, keys, visit3);
      }
      if (top) path3.pop();
      else path3[at] = last;
    }
  }
}
function classify(template, resolver, node, via) {
  const base = { location: node.loc, via, parameters: parametersIn(template, node) };
  if (node.kind === "scalar") {
    const text3 = String(node.value);
    if (node.value === null || typeof node.value === "boolean" || text3 === "" || PLACEHOLDER.test(text3.trim()) || unknownText(template, text3)) {
      return { ...base, source: "unknown" };
    }
    return { ...base, source: textSource(String(node.value)) ?? "literal" };
  }
  const fn = intrinsicName(node);
  if (fn === "Ref") {
    const name = scalarString(get(node, "Ref")) ?? "";
    const param = template.parameters.get(name);
    if (!param) return { ...base, source: "unknown" };
    const def = param.default?.kind === "scalar" ? param.default.value : void 0;
    const noEcho = String(scalarString(get(param.node, "NoEcho")) ?? "").toLowerCase() === "true";
    const given = own(resolver.options.parameters, name) !== void 0;
    if (!given && def !== void 0 && def !== null && String(def) !== "") {
      const text3 = String(def);
      const dynamic = textSource(text3);
      if (dynamic) return { ...base, source: dynamic, parameter: name };
      return { ...base, source: "parameter-default", parameter: name, via: [...via, `default of parameter ${name}`] };
    }
    return { ...base, source: noEcho ? "noecho-parameter" : "parameter", parameter: name };
  }
  if (fn === "Fn::Sub" || fn === "Fn::Join" || fn === "Fn::FindInMap" || fn === "Fn::Select") {
    const raw = rawText(node);
    const dynamic = raw !== void 0 ? textSource(raw) : void 0;
    if (dynamic) return { ...base, source: dynamic };
    for (const c of resolver.values(node)) {
      if (typeof c.value !== "string" || c.value === "") continue;
      const source = textSource(c.value);
      if (source) return { ...base, source };
      const fromParams = c.via.some((v) => v.includes("parameter"));
      if (fromParams) continue;
      const fromMapping = fn === "Fn::FindInMap" || c.via.some((v) => v.startsWith("mapping "));
      return { ...base, via: [...via, ...c.via], source: fromMapping ? "mapping" : "literal" };
    }
    return { ...base, source: "unknown" };
  }
  if (fn === "Fn::GetAtt" || fn === "Fn::ImportValue") return { ...base, source: "managed" };
  return { ...base, source: "unknown" };
}
function textSource(text3) {
  if (SECURE_REFERENCE.test(text3)) return "secure-reference";
  if (PLAIN_SSM_REFERENCE.test(text3)) return "plaintext-ssm";
  return void 0;
}
function rawText(node) {
  const fn = intrinsicName(node);
  const arg = fn ? get(node, fn) : void 0;
  if (fn === "Fn::Sub") return arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
  if (fn === "Fn::Join" && arg?.kind === "seq" && arg.items[1]?.kind === "seq") return arg.items[1].items.map((i) => scalarString(i) ?? "").join("");
  return void 0;
}
function parametersIn(template, node) {
  const out = /* @__PURE__ */ new Set();
  const rec = (n) => {
    const fn = intrinsicName(n);
    if (fn === "Ref") {
      const name = scalarString(get(n, "Ref"));
      if (name && template.parameters.has(name)) out.add(name);
      return;
    }
    if (fn === "Fn::Sub") {
      const arg = get(n, "Fn::Sub");
      const text3 = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
      const vars = arg?.kind === "seq" ? arg.items[1] : void 0;
      for (const m of (text3 ?? "").matchAll(/\$\{([^}!.]+)\}/g)) {
        const name = (m[1] ?? "").trim();
        if (!get(vars, name) && template.parameters.has(name)) out.add(name);
      }
    }
    if (n.kind === "map") for (const e of n.entries) rec(e.value);
    else if (n.kind === "seq") for (const i of n.items) rec(i);
  };
  rec(node);
  return [...out];
}
function entity2(template, res, property, c, variable) {
  const literal = c.source === "literal" || c.source === "mapping" || c.source === "parameter-default";
  const out = {
    kind: "PasswordProperty",
    id: `${template.file}#${res.logicalId}/${property}`,
    source: "template",
    location: { ...c.location, logicalPath: `${res.logicalId}/${property}` },
    displayName: res.logicalId,
    resourceType: res.type,
    property,
    literal,
    valueSource: c.source
  };
  if (c.parameter) out.parameter = c.parameter;
  if (variable !== void 0) out.variable = variable;
  if (c.via.length > 0) out.via = c.via;
  return out;
}

// packages/core/src/entities/password-property/index.ts
var passwordProperty = {
  kind: "PasswordProperty",
  template: { what: "passwords", extract: (input) => input.once(scanPasswords).passwords }
};

// packages/core/src/entities/policy/statements.ts
function strings2(value) {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function policyStatements(doc, locate) {
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : [];
  const single2 = !Array.isArray(raw);
  return list.map((s, i) => {
    if (!s || typeof s !== "object") return void 0;
    const st = s;
    const at = single2 ? ["Statement"] : ["Statement", i];
    const action = st.Action;
    const actionLocations = typeof action === "string" ? [locate([...at, "Action"])] : Array.isArray(action) ? action.flatMap((a, k) => typeof a === "string" ? [locate([...at, "Action", k])] : []) : [];
    return {
      effect: st.Effect === "Deny" ? "Deny" : "Allow",
      actions: strings2(st.Action),
      notActions: strings2(st.NotAction),
      resources: strings2(st.Resource),
      notResources: strings2(st.NotResource),
      hasCondition: st.Condition !== void 0 && st.Condition !== null && Object.keys(st.Condition).length > 0,
      location: locate(at),
      ...actionLocations.length > 0 ? { actionLocations } : {}
    };
  }).filter((s) => s !== void 0);
}

// packages/core/src/entities/policy/snapshot.ts
function userPoliciesFromSnapshot(input) {
  return authorizationDetails(input) ? authorizationPolicies(input) : legacyUserPolicies(input);
}
var AWS_MANAGED = /^arn:[a-z-]+:iam::aws:policy\//;
function attachment(type, name, boundary, more = {}) {
  const arn = boundary?.PermissionsBoundaryArn;
  return { type, name, ...more, ...arn ? { boundary: arn } : {} };
}
function authorizationPolicies(input) {
  const details = authorizationDetails(input);
  const members = new Map(input.of("IamGroup").map((g) => [g.groupName, g.members]));
  const roles = new Map(input.of("IamRole").map((r) => [r.roleName, trustedBy(r.trust)]));
  const principals = [
    ...(details?.UserDetailList ?? []).map((u, i) => ({
      attachment: attachment("user", u.UserName, u.PermissionsBoundary),
      arn: u.Arn ?? `arn:${input.partition}:iam::${input.account}:user/${u.UserName}`,
      path: [...AUTHORIZATION_PATH, "UserDetailList", i],
      inline: u.UserPolicyList,
      inlineKey: "UserPolicyList",
      attached: u.AttachedManagedPolicies
    })),
    ...(details?.GroupDetailList ?? []).map((g, i) => ({
      attachment: attachment("group", g.GroupName, void 0, { members: members.get(g.GroupName) ?? [] }),
      arn: g.Arn ?? `arn:${input.partition}:iam::${input.account}:group/${g.GroupName}`,
      path: [...AUTHORIZATION_PATH, "GroupDetailList", i],
      inline: g.GroupPolicyList,
      inlineKey: "GroupPolicyList",
      attached: g.AttachedManagedPolicies
    })),
    ...(details?.RoleDetailList ?? []).map((r, i) => ({
      attachment: attachment("role", r.RoleName, r.PermissionsBoundary, (roles.get(r.RoleName) ?? []).length > 0 ? { trustedBy: roles.get(r.RoleName) } : {}),
      arn: r.Arn ?? `arn:${input.partition}:iam::${input.account}:role/${r.RoleName}`,
      path: [...AUTHORIZATION_PATH, "RoleDetailList", i],
      inline: r.RolePolicyList,
      inlineKey: "RolePolicyList",
      attached: r.AttachedManagedPolicies
    }))
  ];
  const out = [];
  const attachedTo = /* @__PURE__ */ new Map();
  const boundaries = /* @__PURE__ */ new Set();
  for (const p of principals) {
    const { type, name } = p.attachment;
    if (p.attachment.boundary) boundaries.add(p.attachment.boundary);
    (p.inline ?? []).forEach((policy3, k) => {
      const doc = policyDocumentObject(policy3.PolicyDocument);
      const policyName = policy3.PolicyName ?? `#${k + 1}`;
      if (!doc) return;
      const path3 = [...p.path, p.inlineKey, k, "PolicyDocument"];
      out.push({
        kind: "Policy",
        // An inline policy has no ARN of its own; its principal's ARN and its name identify it.
        id: `${p.arn}#${policyName}`,
        ...input.base(void 0),
        location: input.loc.at(path3, p.arn),
        displayName: `inline policy ${policyName} of ${type} ${name}`,
        policyName,
        policyType: "inline",
        attachedTo: [p.attachment],
        statements: policyStatements(doc, (q) => input.loc.at([...path3, ...q], p.arn))
      });
    });
    (p.attached ?? []).forEach((policy3, k) => {
      if (!policy3.PolicyArn) return;
      attachedTo.set(policy3.PolicyArn, [...attachedTo.get(policy3.PolicyArn) ?? [], p.attachment]);
      if (ADMINISTRATOR_ACCESS_ARN.test(policy3.PolicyArn)) {
        out.push(
          administratorAccess(input, p.arn, p.attachment, policy3.PolicyArn, input.loc.at([...p.path, "AttachedManagedPolicies", k, "PolicyArn"], p.arn))
        );
      }
    });
  }
  (details?.Policies ?? []).forEach((policy3, i) => {
    if (AWS_MANAGED.test(policy3.Arn)) return;
    const versions = policy3.PolicyVersionList ?? [];
    const j = Math.max(
      0,
      versions.findIndex((v) => v.IsDefaultVersion === true || policy3.DefaultVersionId !== void 0 && v.VersionId === policy3.DefaultVersionId)
    );
    const doc = policyDocumentObject(versions[j]?.Document);
    if (!doc) return;
    const path3 = [...AUTHORIZATION_PATH, "Policies", i, "PolicyVersionList", j, "Document"];
    const policyName = policy3.PolicyName ?? policyNameOfArn(policy3.Arn);
    const to = attachedTo.get(policy3.Arn) ?? [];
    out.push({
      kind: "Policy",
      id: policy3.Arn,
      ...input.base(void 0),
      location: input.loc.at(path3, policy3.Arn),
      displayName: `managed policy ${policyName}`,
      policyName,
      policyType: "managed",
      attachedTo: to,
      statements: policyStatements(doc, (q) => input.loc.at([...path3, ...q], policy3.Arn)),
      arn: policy3.Arn,
      ...(policy3.PermissionsBoundaryUsageCount ?? 0) > 0 || boundaries.has(policy3.Arn) ? { permissionsBoundary: true } : {},
      // Every user, group and role is in the same answer: attached to none of them is attached to nothing.
      ...to.length === 0 && (policy3.AttachmentCount ?? 0) === 0 ? { unattached: true } : {}
    });
  });
  return out;
}
function administratorAccess(input, principalArn, to, arn, location) {
  return {
    kind: "Policy",
    id: `${principalArn}#${arn}`,
    ...input.base(void 0),
    location,
    displayName: `AWS managed policy AdministratorAccess on ${to.type} ${to.name}`,
    policyName: "AdministratorAccess",
    policyType: "managed",
    attachedTo: [to],
    statements: [{ effect: "Allow", actions: ["*"], notActions: [], resources: ["*"], notResources: [], hasCondition: false, location }],
    arn
  };
}
function legacyUserPolicies(input) {
  const iam = input.snapshot.global.iam;
  const out = [];
  const listed = /* @__PURE__ */ new Map();
  for (const u of iam?.ListUsers?.Users ?? []) if (u.UserName !== void 0 && !listed.has(u.UserName)) listed.set(u.UserName, u.Arn);
  for (const [userName, byName] of Object.entries(iam?.GetUserPolicy ?? {})) {
    const userArn = listed.get(userName) ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    for (const [policyName, response] of Object.entries(byName)) {
      const doc = policyDocumentObject(response.PolicyDocument);
      if (!doc) continue;
      const path3 = ["global", "iam", "GetUserPolicy", userName, policyName, "PolicyDocument"];
      const arn = `${userArn}#${policyName}`;
      out.push({
        kind: "Policy",
        id: arn,
        ...input.base(void 0),
        location: input.loc.at(path3, userArn),
        displayName: `inline policy ${policyName} of user ${userName}`,
        policyName,
        policyType: "inline",
        attachedTo: [{ type: "user", name: userName }],
        statements: policyStatements(doc, (p) => input.loc.at([...path3, ...p], userArn))
      });
    }
  }
  append(out, awsManagedAdmin(input, listed));
  const attached = /* @__PURE__ */ new Map();
  for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
    for (const p of r.AttachedPolicies ?? []) {
      if (!p.PolicyArn) continue;
      const entry = attached.get(p.PolicyArn) ?? { name: p.PolicyName ?? p.PolicyArn, users: [] };
      entry.users.push(userName);
      attached.set(p.PolicyArn, entry);
    }
  }
  for (const [policyArn, response] of Object.entries(iam?.GetPolicyVersion ?? {})) {
    const doc = policyDocumentObject(response.PolicyVersion?.Document);
    if (!doc) continue;
    const path3 = ["global", "iam", "GetPolicyVersion", policyArn, "PolicyVersion", "Document"];
    const users = attached.get(policyArn);
    const policyName = users?.name ?? policyArn.split("/").pop() ?? policyArn;
    out.push({
      kind: "Policy",
      id: policyArn,
      ...input.base(void 0),
      location: input.loc.at(path3, policyArn),
      displayName: `managed policy ${policyName}`,
      policyName,
      policyType: "managed",
      attachedTo: (users?.users ?? []).map((name) => ({ type: "user", name })),
      statements: policyStatements(doc, (p) => input.loc.at([...path3, ...p], policyArn)),
      arn: policyArn
    });
  }
  return out;
}
function awsManagedAdmin(input, listed) {
  const iam = input.snapshot.global.iam;
  const out = [];
  for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
    const userArn = listed.get(userName) ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    (r.AttachedPolicies ?? []).forEach((p, k) => {
      if (!p.PolicyArn || !ADMINISTRATOR_ACCESS_ARN.test(p.PolicyArn)) return;
      const location = input.loc.at(["global", "iam", "ListAttachedUserPolicies", userName, "AttachedPolicies", k, "PolicyArn"], userArn);
      out.push({
        kind: "Policy",
        id: `${userArn}#${p.PolicyArn}`,
        ...input.base(void 0),
        location,
        displayName: `AWS managed policy AdministratorAccess on user ${userName}`,
        policyName: "AdministratorAccess",
        policyType: "managed",
        attachedTo: [{ type: "user", name: userName }],
        statements: [{ effect: "Allow", actions: ["*"], notActions: [], resources: ["*"], notResources: [], hasCondition: false, location }],
        arn: p.PolicyArn
      });
    });
  }
  return out;
}

// packages/core/src/entities/policy/template.ts
var ADMIN_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
var MAX_VARIANTS2 = 64;
var STANDALONE_POLICY_TYPES = {
  "AWS::IAM::RolePolicy": { nameKey: "PolicyName", principal: "role", principalKey: "RoleName" },
  "AWS::IAM::UserPolicy": { nameKey: "PolicyName", principal: "user", principalKey: "UserName" },
  "AWS::IAM::GroupPolicy": { nameKey: "PolicyName", principal: "group", principalKey: "GroupName" }
};
var SAM_WITH_POLICIES = /* @__PURE__ */ new Set(["AWS::Serverless::Function", "AWS::Serverless::StateMachine"]);
function policiesOf(template, resolver) {
  const out = [];
  const ctx = { template, resolver };
  const boundaries = boundaryTargets(template);
  for (const res of template.resources.values()) {
    const props = res.properties;
    const principal = own(PRINCIPAL_TYPES, res.type);
    if (principal) {
      const owner = { type: principal.type, name: res.logicalId };
      forEachItem(resolver, get(props, "Policies"), (item, i, via) => {
        const name = stringValue(resolver, get(item, "PolicyName")) ?? `#${i + 1}`;
        out.push(
          policy(ctx, res, `Policies/${i}`, item.loc, {
            policyName: name,
            policyType: "inline",
            displayName: `inline policy ${name} of ${principal.type} ${res.logicalId}`,
            attachedTo: [owner],
            document: get(item, "PolicyDocument"),
            via
          })
        );
      });
      append(out, adminAttachments(ctx, res, get(props, "ManagedPolicyArns"), "ManagedPolicyArns", owner));
      continue;
    }
    if (res.type === "AWS::IAM::Policy" || res.type === "AWS::IAM::ManagedPolicy") {
      const managed = res.type === "AWS::IAM::ManagedPolicy";
      const name = stringValue(resolver, get(props, managed ? "ManagedPolicyName" : "PolicyName"));
      const attachedTo = ["user", "group", "role"].flatMap(
        (type) => principalRefs(template, resolver, get(props, `${type[0]?.toUpperCase()}${type.slice(1)}s`), type).map((p) => ({ type, name: p.name }))
      );
      const label = managed ? "managed policy" : "policy";
      out.push(
        policy(ctx, res, "", res.loc, {
          policyName: name ?? res.logicalId,
          policyType: managed ? "managed" : "inline",
          displayName: name && name !== res.logicalId ? `${label} ${name} (${res.logicalId})` : `${label} ${res.logicalId}`,
          attachedTo,
          document: get(props, "PolicyDocument"),
          via: []
        })
      );
      if (managed && boundaries.has(res.logicalId)) {
        const last = out[out.length - 1];
        if (last) last.permissionsBoundary = true;
      }
      continue;
    }
    const standalone = own(STANDALONE_POLICY_TYPES, res.type);
    if (standalone) {
      const name = stringValue(resolver, get(props, standalone.nameKey)) ?? res.logicalId;
      const attachedTo = principalRefs(template, resolver, get(props, standalone.principalKey), standalone.principal).map((p) => ({
        type: standalone.principal,
        name: p.name
      }));
      out.push(
        policy(ctx, res, "", res.loc, {
          policyName: name,
          policyType: "inline",
          displayName: `inline policy ${name} (${res.logicalId})`,
          attachedTo,
          document: get(props, "PolicyDocument"),
          via: []
        })
      );
      continue;
    }
    if (SAM_WITH_POLICIES.has(res.type)) append(out, samPolicies(ctx, res));
  }
  return out;
}
function withPrincipals(policies, input) {
  const { template, resolver } = input;
  const managed = /* @__PURE__ */ new Map();
  for (const p of policies) if (p.policyType === "managed" && p.location.logicalPath && !p.arn) managed.set(p.location.logicalPath, p);
  for (const res of template.resources.values()) {
    const principal = own(PRINCIPAL_TYPES, res.type);
    if (!principal) continue;
    for (const b of resolver.branches(get(res.properties, "ManagedPolicyArns"))) {
      const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
      for (const item of items2) {
        for (const ib of resolver.branches(item, b.via)) {
          const target = refTarget(ib.node);
          const policy3 = target ? managed.get(target) : void 0;
          if (policy3 && !policy3.attachedTo.some((a) => a.type === principal.type && a.name === res.logicalId))
            policy3.attachedTo.push({ type: principal.type, name: res.logicalId });
        }
      }
    }
  }
  if (!policies.some((p) => p.attachedTo.length > 0)) return policies;
  const groups = new Map(input.of("IamGroup").map((g) => [g.displayName, g.members]));
  const roles = new Map(input.of("IamRole").map((r) => [r.displayName, r]));
  const users = new Map(input.of("IamUser").map((u) => [u.displayName, u]));
  const more = (a) => {
    if (a.type === "group") {
      const members = groups.get(a.name);
      return members ? { ...a, members } : a;
    }
    const role = a.type === "role" ? roles.get(a.name) : void 0;
    const boundary = a.type === "role" ? role?.permissionsBoundary : users.get(a.name)?.permissionsBoundary;
    const trusted = role ? trustedBy(role.trust) : [];
    return { ...a, ...trusted.length > 0 ? { trustedBy: trusted } : {}, ...boundary !== void 0 ? { boundary } : {} };
  };
  for (const p of policies) p.attachedTo = p.attachedTo.map(more);
  return policies;
}
function boundaryTargets(template) {
  const out = /* @__PURE__ */ new Set();
  const visit3 = (node) => {
    const target = refTarget(node);
    if (target) out.add(target);
    if (intrinsicName(node) === "Fn::If") {
      const args = get(node, "Fn::If");
      if (args?.kind === "seq") for (const a of args.items.slice(1)) visit3(a);
    }
  };
  for (const res of template.resources.values()) visit3(get(res.properties, "PermissionsBoundary"));
  visit3(get(get(get(template.root, "Globals"), "Function"), "PermissionsBoundary"));
  return out;
}
function policy(ctx, res, path3, location, parts) {
  const logicalPath = path3 ? `${res.logicalId}/${path3}` : res.logicalId;
  const out = {
    kind: "Policy",
    id: `${ctx.template.file}#${logicalPath}`,
    source: "template",
    location: { ...location, logicalPath },
    displayName: parts.displayName,
    policyName: parts.policyName,
    policyType: parts.policyType,
    attachedTo: parts.attachedTo,
    statements: documentStatements(ctx, parts.document, parts.via)
  };
  if (parts.via.length > 0) out.via = parts.via;
  return out;
}
function forEachItem(resolver, list, visit3) {
  for (const b of resolver.branches(list)) {
    if (b.node?.kind !== "seq") continue;
    b.node.items.forEach((item, i) => {
      for (const ib of resolver.branches(item, b.via)) if (ib.node) visit3(ib.node, i, ib.via);
    });
  }
}
function adminAttachments(ctx, res, list, path3, owner) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const cand of stringListCandidates(ctx.resolver, list)) {
    cand.values.forEach((arn, i) => {
      const loc = cand.locations[i];
      if (!loc || !isAdministratorAccess(arn)) return;
      const key = `${loc.line}:${loc.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(adminPolicy(ctx, res, `${path3}/${i}`, loc, arn, owner, cand.via));
    });
  }
  return out;
}
function isAdministratorAccess(value) {
  return ADMIN_ARN.test(value) || value === "AdministratorAccess";
}
function adminPolicy(ctx, res, path3, loc, arn, owner, via) {
  const logicalPath = `${res.logicalId}/${path3}`;
  const fullArn = arn.startsWith("arn:") ? arn : "arn:aws:iam::aws:policy/AdministratorAccess";
  const statement = {
    effect: "Allow",
    actions: ["*"],
    notActions: [],
    resources: ["*"],
    notResources: [],
    hasCondition: false,
    location: loc
  };
  if (via.length > 0) statement.via = via;
  return {
    kind: "Policy",
    id: `${ctx.template.file}#${logicalPath}`,
    source: "template",
    location: { ...loc, logicalPath },
    displayName: `AWS managed policy AdministratorAccess on ${owner.type} ${owner.name}`,
    policyName: "AdministratorAccess",
    policyType: "managed",
    attachedTo: [owner],
    statements: [statement],
    arn: fullArn,
    ...via.length > 0 ? { via } : {}
  };
}
function samPolicies(ctx, res) {
  const props = res.properties;
  if (get(props, "Role") !== void 0) return [];
  const owner = { type: "role", name: `${res.logicalId}Role` };
  const kind = res.type === "AWS::Serverless::Function" ? "function" : "state machine";
  const lists = [];
  const own2 = get(props, "Policies");
  if (own2) lists.push({ node: own2, path: "Policies" });
  if (res.type === "AWS::Serverless::Function") {
    const globals = get(get(ctx.template.root, "Globals"), "Function");
    const shared2 = get(globals, "Policies");
    if (shared2) lists.push({ node: shared2, path: "Globals/Function/Policies" });
  }
  const out = [];
  for (const { node, path: path3 } of lists) {
    for (const b of ctx.resolver.branches(node)) {
      const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
      items2.forEach((item, i) => {
        for (const ib of ctx.resolver.branches(item, b.via)) {
          const n = ib.node;
          if (!n) continue;
          const itemPath = b.node?.kind === "seq" ? `${path3}/${i}` : path3;
          if (n.kind === "map" && !intrinsicName(n) && get(n, "Statement") !== void 0) {
            out.push(
              policy(ctx, res, itemPath, n.loc, {
                policyName: `${res.logicalId}RolePolicy${i}`,
                policyType: "inline",
                displayName: `inline policy of ${kind} ${res.logicalId}`,
                attachedTo: [owner],
                document: n,
                via: ib.via
              })
            );
            continue;
          }
          if (n.kind === "map" && !intrinsicName(n)) continue;
          const name = stringValue(ctx.resolver, n);
          if (name !== void 0 && isAdministratorAccess(name)) out.push(adminPolicy(ctx, res, itemPath, n.loc, name, owner, ib.via));
        }
      });
    }
  }
  return out;
}
function documentStatements(ctx, doc, via) {
  const out = [];
  for (const b of ctx.resolver.branches(doc, via)) {
    const node = b.node;
    if (!node) continue;
    if (node.kind === "map" && !intrinsicName(node)) {
      forEachStatement(ctx, get(node, "Statement"), b.via, (s, sv) => append(out, statementVariants(ctx, s, sv)));
      continue;
    }
    if (node.kind === "seq") continue;
    append(out, jsonDocumentStatements(ctx, node, b.via));
  }
  return out;
}
function forEachStatement(ctx, statements, via, visit3) {
  for (const b of ctx.resolver.branches(statements, via)) {
    const items2 = b.node?.kind === "seq" ? b.node.items : b.node ? [b.node] : [];
    for (const item of items2) {
      for (const ib of ctx.resolver.branches(item, b.via)) {
        if (ib.node?.kind === "map" && !intrinsicName(ib.node)) visit3(ib.node, ib.via);
      }
    }
  }
}
function statementVariants(ctx, s, via) {
  const effectNode = get(s, "Effect");
  const effects = effectNode ? ctx.resolver.values(effectNode).map((c) => ({ value: c.value, via: c.via })) : [{ value: "Allow", via: [] }];
  const lists = ["Action", "NotAction", "Resource", "NotResource"].map((k) => stringListCandidates(ctx.resolver, get(s, k)));
  const [actions = [], notActions = [], resources = [], notResources = []] = lists;
  const total = effects.length * actions.length * notActions.length * resources.length * notResources.length;
  const pick = (l) => total > MAX_VARIANTS2 ? [mergeAll(l)] : l;
  const location = (get(s, "Action") ?? get(s, "NotAction") ?? s).loc;
  const out = [];
  for (const e of effects) {
    const effect = e.value === "Allow" || e.value === "Deny" ? e.value : void 0;
    if (!effect) continue;
    for (const a of pick(actions))
      for (const na of pick(notActions))
        for (const r of pick(resources))
          for (const nr of pick(notResources)) {
            const allVia = [.../* @__PURE__ */ new Set([...via, ...e.via, ...a.via, ...na.via, ...r.via, ...nr.via])];
            const st = {
              effect,
              actions: a.values,
              notActions: na.values,
              resources: r.values,
              notResources: nr.values,
              hasCondition: get(s, "Condition") !== void 0,
              location,
              actionLocations: a.locations
            };
            if (allVia.length > 0) st.via = allVia;
            out.push(st);
          }
    if (total > MAX_VARIANTS2) break;
  }
  return out;
}
function mergeAll(list) {
  return {
    values: list.flatMap((c) => c.values),
    locations: list.flatMap((c) => c.locations),
    via: [...new Set(list.flatMap((c) => c.via))]
  };
}
function jsonDocumentStatements(ctx, node, via) {
  const text3 = looseText(ctx.resolver, node);
  if (text3 === void 0) return [];
  let doc;
  try {
    doc = JSON.parse(text3);
  } catch {
    return [];
  }
  if (!isRecord2(doc)) return [];
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw : raw === void 0 ? [] : [raw];
  const source = ctx.template.text.slice(node.span[0], node.span[1]);
  const actionKeys = [...source.matchAll(/\\?"Action\\?"\s*:/g)].map((m) => node.span[0] + (m.index ?? 0));
  let actionIndex = 0;
  const out = [];
  for (const s of statements) {
    if (!isRecord2(s)) continue;
    const hasAction = s.Action !== void 0;
    const offset = hasAction ? actionKeys[actionIndex++] : void 0;
    const location = offset !== void 0 ? ctx.template.index.location(offset, offset + '"Action"'.length) : node.loc;
    const effect = s.Effect === void 0 ? "Allow" : s.Effect;
    if (effect !== "Allow" && effect !== "Deny") continue;
    const st = {
      effect,
      actions: strings3(s.Action),
      notActions: strings3(s.NotAction),
      resources: strings3(s.Resource),
      notResources: strings3(s.NotResource),
      hasCondition: s.Condition !== void 0,
      location
    };
    if (via.length > 0) st.via = via;
    out.push(st);
  }
  return out;
}
function isRecord2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function strings3(v) {
  const list = Array.isArray(v) ? v : v === void 0 ? [] : [v];
  return list.filter((x) => typeof x === "string");
}

// packages/core/src/entities/policy/index.ts
var policy2 = {
  kind: "Policy",
  template: { what: "IAM policies", extract: (input) => withPrincipals(policiesOf(input.template, input.resolver), input) },
  snapshot: userPoliciesFromSnapshot
};

// packages/core/src/entities/resource/template.ts
function resourceEntities(template) {
  return [...template.resources.values()].map((res) => ({
    kind: "Resource",
    id: `${template.file}#${res.logicalId}`,
    source: "template",
    location: res.loc,
    displayName: res.logicalId,
    logicalId: res.logicalId,
    resourceType: res.type,
    properties: res.properties ? toPlain(res.properties) : {},
    ...res.metadata ? { metadata: toPlain(res.metadata) } : {}
  }));
}

// packages/core/src/entities/resource/index.ts
var resource = {
  kind: "Resource",
  template: { what: "resources", onDemand: true, extract: (input) => resourceEntities(input.template) }
};

// packages/core/src/entities/root-account/snapshot.ts
function rootAccountFromSnapshot(input) {
  const iam = input.snapshot.global.iam;
  const report = credentialReport(input);
  const row = report?.rows.find((r) => r.user === ROOT_ROW_USER);
  const summary = iam?.GetAccountSummary?.SummaryMap;
  if (!row && !summary) return [];
  const arn = `arn:${input.partition}:iam::${input.account}:root`;
  const mfaActive = summary?.AccountMFAEnabled !== void 0 ? summary.AccountMFAEnabled === 1 : reportBool(row?.mfa_active);
  const keysFromReport = row && (reportBool(row.access_key_1_active) !== void 0 || reportBool(row.access_key_2_active) !== void 0) ? reportBool(row.access_key_1_active) === true || reportBool(row.access_key_2_active) === true : void 0;
  const accessKeysPresent = summary?.AccountAccessKeysPresent !== void 0 ? summary.AccountAccessKeysPresent === 1 : keysFromReport;
  const passwordLastUsed = reportDate(row?.password_last_used);
  const accessKeysLastUsed = [reportDate(row?.access_key_1_last_used_date), reportDate(row?.access_key_2_last_used_date)].filter(
    (d) => d !== void 0
  );
  const activity = rootActivity(input, arn);
  const location = report ? input.loc.at([...report.path, "Content"], arn) : input.loc.at(["global", "iam", "GetAccountSummary"], arn);
  return [
    {
      kind: "RootAccount",
      id: arn,
      ...input.base(void 0),
      location,
      displayName: `root user of account ${input.account}`,
      accountId: input.account,
      ...mfaActive !== void 0 ? { mfaActive } : {},
      ...accessKeysPresent !== void 0 ? { accessKeysPresent } : {},
      ...passwordLastUsed ? { passwordLastUsed } : {},
      accessKeysLastUsed,
      ...activity ? { recentActivity: activity } : {}
    }
  ];
}
function rootActivity(input, arn) {
  let read = false;
  const out = [];
  for (const [region, r] of input.regions()) {
    const events = r.cloudtrail?.LookupEvents?.Events;
    if (!events) continue;
    read = true;
    events.forEach((e, i) => {
      const record = parseEvent(e.CloudTrailEvent);
      const identity = record?.userIdentity;
      if (record) {
        if (identity?.type !== "Root" || identity.invokedBy !== void 0 || record.eventType === "AwsServiceEvent") return;
      } else if (e.Username !== "root") return;
      const time = e.EventTime ?? (typeof record?.eventTime === "string" ? record.eventTime : void 0);
      if (!time) return;
      out.push({
        time,
        eventName: e.EventName ?? String(record?.eventName ?? "unknown"),
        ...e.EventSource ? { eventSource: e.EventSource } : {},
        region,
        location: input.loc.at(["regional", region, "cloudtrail", "LookupEvents", "Events", i, "EventName"], arn)
      });
    });
  }
  return read ? out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)) : void 0;
}
function parseEvent(text3) {
  if (!text3) return void 0;
  try {
    const v = JSON.parse(text3);
    return v && typeof v === "object" ? v : void 0;
  } catch {
    return void 0;
  }
}

// packages/core/src/entities/root-account/index.ts
var rootAccount = {
  kind: "RootAccount",
  snapshot: rootAccountFromSnapshot
};

// packages/core/src/secrets/base64.ts
var MIN_LENGTH = 21;
var MAX_LENGTH = 64 * 1024;
var BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
function decodeBase64Text(value) {
  const compact = value.replace(/\s+/g, "");
  if (compact.length < MIN_LENGTH || compact.length > MAX_LENGTH || !BASE64.test(compact)) return void 0;
  if (compact.length % 4 === 1 || compact.endsWith("=") && compact.length % 4 !== 0) return void 0;
  let text3;
  try {
    text3 = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(compact, "base64"));
  } catch {
    return void 0;
  }
  return text3.length > 0 && !CONTROL.test(text3) ? text3 : void 0;
}

// packages/core/src/entities/secret/template.ts
var SECTION_NOUNS = {
  Parameters: "parameter",
  Outputs: "output",
  Mappings: "mapping",
  Conditions: "condition",
  Globals: "globals"
};
function templateSecrets(template, notifications) {
  const found = findSecrets(template.text);
  const encoded = base64UserDataSecrets(template);
  const tooMany = tooManySecrets(found.length + encoded.length, template.file);
  if (tooMany) notifications.push(tooMany);
  return [...textSecrets(template, found.slice(0, MAX_SECRETS_PER_FILE)), ...encoded].slice(0, MAX_SECRETS_PER_FILE);
}
function textSecrets(template, found) {
  if (found.length === 0) return [];
  const places = new NodePlaces(template.root);
  const paths = found.map((s) => places.pathAt(s.start, s.end).map((p) => typeof p === "string" ? redactSecretsIn(p) : p));
  const ids = secretIds(
    `${template.file}#`,
    found,
    paths.map((p) => p.join("/"))
  );
  return found.map((s, i) => {
    const [section, entry] = paths[i] ?? [];
    const entryKey = typeof entry === "string" ? entry : void 0;
    const isResource = section === "Resources" && entryKey !== void 0;
    const noun = typeof section === "string" ? own(SECTION_NOUNS, section) : void 0;
    const where = isResource ? `resource ${entryKey}` : noun && entryKey ? `${noun} ${entryKey}` : template.file;
    const logicalPath = isResource ? entryKey : section !== void 0 && entryKey ? `${section}/${entryKey}` : void 0;
    return secretEntity(ids[i] ?? "", s, { ...template.index.location(s.start, s.end), ...logicalPath ? { logicalPath } : {} }, where);
  });
}
var NodePlaces = class {
  constructor(root) {
    this.root = root;
  }
  root;
  children = /* @__PURE__ */ new Map();
  pathAt(start, end) {
    const path3 = [];
    let node = this.root;
    for (let depth = 0; depth < 1e3; depth++) {
      const { keys, nodes } = this.sorted(node);
      let lo = 0;
      let hi = nodes.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = lo + hi >> 1;
        if ((nodes[mid]?.span[0] ?? 0) <= start) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const child = nodes[k];
      if (!child || child.span[1] < end || child === node) break;
      path3.push(keys[k] ?? "");
      node = child;
    }
    return path3;
  }
  sorted(node) {
    const known = this.children.get(node);
    if (known) return known;
    const pairs = node.kind === "map" ? node.entries.map((e) => [e.key, e.value]) : node.kind === "seq" ? node.items.map((n, i) => [i, n]) : [];
    if (pairs.some((p, i) => i > 0 && (pairs[i - 1]?.[1].span[0] ?? 0) > p[1].span[0])) pairs.sort((a, b) => a[1].span[0] - b[1].span[0]);
    const out = { keys: pairs.map((p) => p[0]), nodes: pairs.map((p) => p[1]) };
    this.children.set(node, out);
    return out;
  }
};
function scalarsUnder(root, key, visit3) {
  const path3 = [];
  const rec = (n) => {
    if (n.kind === "map") {
      for (const e of n.entries) {
        const v = e.value;
        if (v.kind === "scalar" && e.key !== key) continue;
        path3.push(e.key);
        if (v.kind === "scalar") visit3(v, path3);
        else rec(v);
        path3.pop();
      }
    } else if (n.kind === "seq") {
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i];
        if (item.kind === "scalar") continue;
        path3.push(i);
        rec(item);
        path3.pop();
      }
    }
  };
  rec(root);
}
function base64UserDataSecrets(template) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const res of template.resources.values()) {
    const userData = (node, path3) => {
      if (typeof node.value !== "string" || seen.has(node.span[0])) return;
      seen.add(node.span[0]);
      const decoded = decodeBase64Text(node.value);
      if (decoded === void 0) return;
      const logicalId = redactSecretsIn(res.logicalId);
      const where = `base64-encoded user data of resource ${logicalId}`;
      const found = findSecrets(decoded);
      const place = redactSecretsIn(`${logicalId}/${path3.join("/")}`);
      const ids = secretIds(`${template.file}#Resources/${place} (base64)`, found);
      found.forEach((s, i) => {
        out.push(secretEntity(ids[i] ?? "", s, { ...node.loc, logicalPath: place }, where, "base64"));
      });
    };
    scalarsUnder(res.node, "UserData", userData);
  }
  return out;
}

// packages/core/src/entities/secret/index.ts
var secret = {
  kind: "Secret",
  template: { what: "hard-coded secrets", extract: (input) => templateSecrets(input.template, input.notifications) }
};

// packages/core/src/entities/security-group/snapshot.ts
function draft2(direction, protocol, p) {
  const rule = { direction, protocol };
  if (p.FromPort !== void 0) rule.fromPort = p.FromPort;
  if (p.ToPort !== void 0) rule.toPort = p.ToPort;
  return rule;
}
function flatten(item, direction, locate, out) {
  const key = direction === "ingress" ? "IpPermissions" : "IpPermissionsEgress";
  const permissions = item[key] ?? [];
  for (let i = 0; i < permissions.length; i++) {
    const p = permissions[i];
    const protocol = normaliseProtocol(p.IpProtocol) ?? "unknown";
    const v4 = p.IpRanges ?? [];
    for (let j = 0; j < v4.length; j++) {
      const r = v4[j];
      const rule = draft2(direction, protocol, p);
      rule.cidrIpv4 = r.CidrIp;
      if (r.Description) rule.description = r.Description;
      rule.location = locate([key, i, "IpRanges", j, "CidrIp"]);
      out.push(rule);
    }
    const v6 = p.Ipv6Ranges ?? [];
    for (let j = 0; j < v6.length; j++) {
      const r = v6[j];
      const rule = draft2(direction, protocol, p);
      rule.cidrIpv6 = r.CidrIpv6;
      if (r.Description) rule.description = r.Description;
      rule.location = locate([key, i, "Ipv6Ranges", j, "CidrIpv6"]);
      out.push(rule);
    }
    const groups = p.UserIdGroupPairs ?? [];
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j];
      const rule = draft2(direction, protocol, p);
      rule.sourceSecurityGroup = g.GroupId ?? g.GroupName;
      rule.location = locate([key, i, "UserIdGroupPairs", j, "GroupId"]);
      out.push(rule);
    }
    const prefixLists = p.PrefixListIds ?? [];
    for (let j = 0; j < prefixLists.length; j++) {
      const l = prefixLists[j];
      const rule = draft2(direction, protocol, p);
      rule.prefixListId = l.PrefixListId;
      rule.location = locate([key, i, "PrefixListIds", j, "PrefixListId"]);
      out.push(rule);
    }
  }
}
function securityGroupFromApi(item, location, region, locate) {
  const at = locate ?? (() => location);
  const groupId = item.GroupId ?? item.GroupName ?? "unknown";
  const group = {
    kind: "SecurityGroup",
    id: location.arn ?? groupId,
    source: "snapshot",
    location,
    displayName: item.GroupName && item.GroupName !== groupId ? `${groupId} (${item.GroupName})` : groupId
  };
  if (region) group.region = region;
  group.groupId = groupId;
  if (item.GroupName) group.groupName = item.GroupName;
  if (item.VpcId) group.vpcId = item.VpcId;
  const rules = [];
  flatten(item, "ingress", at, rules);
  flatten(item, "egress", at, rules);
  group.rules = rules;
  return group;
}
function securityGroupsFromSnapshot(input) {
  const out = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeSecurityGroups?.SecurityGroups ?? []).forEach((g, i) => {
      const arn = input.ec2Arn(region, "security-group", g.GroupId ?? String(i));
      const path3 = ["regional", region, "ec2", "DescribeSecurityGroups", "SecurityGroups", i];
      const sg = securityGroupFromApi(g, input.loc.at([...path3, "GroupId"], arn), region, (p) => input.loc.at([...path3, ...p], arn));
      sg.observedAt = input.observedAt;
      out.push(withStack(sg, g.Tags));
    });
  }
  return out;
}

// packages/core/src/entities/security-group/template.ts
var PEER_KEYS = ["CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName", "SourcePrefixListId"];
var EGRESS_PEER_KEYS = ["CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"];
function securityGroupsOf(template, resolver, notices = []) {
  const groups = /* @__PURE__ */ new Map();
  const ctx = { template, resolver, notices, warned: /* @__PURE__ */ new Set() };
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::EC2::SecurityGroup") continue;
    const props = res.properties;
    const group = {
      kind: "SecurityGroup",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      groupId: res.logicalId,
      groupName: str(resolver, get(props, "GroupName")),
      vpcId: str(resolver, get(props, "VpcId")),
      rules: []
    };
    for (const [key, direction] of [
      ["SecurityGroupIngress", "ingress"],
      ["SecurityGroupEgress", "egress"]
    ]) {
      for (const list of resolver.branches(get(props, key))) {
        if (list.node?.kind !== "seq") continue;
        list.node.items.forEach((item, i) => {
          for (const b of resolver.branches(item, list.via)) {
            if (b.node?.kind !== "map") continue;
            append(group.rules, rulesOf(ctx, b.node, direction, `${res.logicalId}/${key}/${i}`, b.via));
          }
        });
      }
    }
    group.rules = distinctRules(group.rules);
    groups.set(res.logicalId, group);
  }
  for (const res of template.resources.values()) {
    const direction = res.type === "AWS::EC2::SecurityGroupIngress" ? "ingress" : res.type === "AWS::EC2::SecurityGroupEgress" ? "egress" : void 0;
    if (!direction || !res.properties) continue;
    const target = localGroup(res, direction);
    const rules = rulesOf(ctx, res.properties, direction, res.logicalId, []);
    const owner = target ? groups.get(target) : void 0;
    if (owner) {
      append(owner.rules, rules);
      continue;
    }
    const ref = get(res.properties, "GroupId") ?? get(res.properties, "GroupName");
    groups.set(res.logicalId, {
      kind: "SecurityGroup",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      groupId: str(resolver, ref) ?? res.logicalId,
      rules
    });
  }
  return [...groups.values()];
}
function localGroup(res, direction) {
  const ref = get(res.properties, "GroupId") ?? (direction === "ingress" ? get(res.properties, "GroupName") : void 0);
  const fn = intrinsicName(ref);
  if (fn === "Ref") return scalarString(get(ref, "Ref"));
  if (fn === "Fn::GetAtt") {
    const arg = get(ref, "Fn::GetAtt");
    return arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg)?.split(".")[0];
  }
  return void 0;
}
function str(resolver, node) {
  const v = resolver.value(node);
  return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
}
function rulesOf(ctx, item, direction, path3, via) {
  const { resolver } = ctx;
  const peerKey = (direction === "ingress" ? PEER_KEYS : EGRESS_PEER_KEYS).find((k) => get(item, k) !== void 0);
  const peerNode = peerKey ? get(item, peerKey) : void 0;
  const logicalPath = peerKey ? `${path3}/${peerKey}` : path3;
  const out = [];
  const lists = [
    resolver.values(get(item, "IpProtocol")),
    portValues(resolver, get(item, "FromPort")),
    portValues(resolver, get(item, "ToPort")),
    peerNode ? resolver.values(peerNode) : [{ value: void 0, via: [] }]
  ];
  let combos = cross(lists, via);
  if (!combos) {
    resolver.notEvaluated(item, `its protocol, ports and source have more than ${MAX_COMBINATIONS} combinations of Fn::If branches`);
    combos = [{ parts: lists.map((l) => l.length === 1 ? l[0] : { value: void 0, via: [] }), via }];
  }
  for (const { parts, via: allVia } of combos) {
    const [proto, from, to, peer] = parts;
    const protocol = normaliseProtocol(scalar(proto?.value));
    const rule = {
      direction,
      protocol: protocol ?? "unknown",
      fromPort: typeof from?.value === "number" ? from.value : void 0,
      toPort: typeof to?.value === "number" ? to.value : void 0,
      description: str(resolver, get(item, "Description")),
      // Point at the value that decides the peer: the Fn::If branch or the Ref, inside the resource.
      location: { ...(peer?.at ?? peerNode ?? item).loc, logicalPath }
    };
    if (from?.value === void 0 || to?.value === void 0) rule.portsKnown = false;
    const missing = protocol && hasPorts(protocol) ? from?.value === null && to?.value !== null ? "FromPort" : to?.value === null && from?.value !== null ? "ToPort" : void 0 : void 0;
    if (missing) {
      rule.portsKnown = false;
      undeployable(ctx, item, path3, missing, protocol ?? "");
    }
    const peerValue = scalar(peer?.value);
    if (peerKey && peerValue !== void 0 && peerValue !== null) {
      const text3 = String(peerValue);
      if (peerKey === "CidrIp") rule.cidrIpv4 = text3;
      else if (peerKey === "CidrIpv6") rule.cidrIpv6 = text3;
      else if (peerKey.endsWith("PrefixListId")) rule.prefixListId = text3;
      else rule.sourceSecurityGroup = text3;
    } else if (peerKey?.endsWith("SecurityGroupId") || peerKey === "SourceSecurityGroupName") {
      rule.sourceSecurityGroup = `(${peerKey})`;
    }
    if (allVia.length > 0) rule.via = allVia;
    out.push(rule);
  }
  return distinctRules(out);
}
function undeployable(ctx, item, path3, missing, protocol) {
  const key = `${item.span[0]}:${item.span[1]}:${missing}`;
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  const given = missing === "FromPort" ? "ToPort" : "FromPort";
  ctx.notices.push({
    level: "warning",
    code: "not-deployable",
    file: ctx.template.file,
    line: item.loc.line,
    column: item.loc.column,
    message: `Security group rule ${path3} (${protocol}) has ${given} but no ${missing}: EC2 requires both for tcp and udp, so CloudFormation rejects it; its ports are not judged (scanned anyway)`
  });
}
function distinctRules(rules) {
  if (rules.length < 2) return rules;
  const seen = /* @__PURE__ */ new Set();
  return rules.filter((r) => {
    const { via: _via, description: _description, location, ...rest } = r;
    const key = JSON.stringify([rest, location.line, location.column, location.logicalPath]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function scalar(v) {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : void 0;
}

// packages/core/src/entities/security-group/index.ts
var securityGroup = {
  kind: "SecurityGroup",
  template: { what: "security groups", extract: (input) => securityGroupsOf(input.template, input.resolver, input.notifications) },
  snapshot: securityGroupsFromSnapshot
};

// packages/core/src/entities/template-parameter/template.ts
function parametersOf2(template, secretParameters2) {
  return [...template.parameters.values()].map((p) => {
    const allowed = get(p.node, "AllowedValues");
    const out = {
      kind: "TemplateParameter",
      id: `${template.file}#Parameters/${p.name}`,
      source: "template",
      location: p.loc,
      displayName: p.name,
      name: p.name,
      noEcho: String(scalarString(get(p.node, "NoEcho")) ?? "").toLowerCase() === "true",
      hasDefault: p.default !== void 0
    };
    if (p.type !== void 0) out.type = p.type;
    if (allowed?.kind === "seq") out.allowedValues = allowed.items.map((i) => scalarString(i) ?? "");
    const uses = secretParameters2.get(p.name);
    if (uses) out.usedAsSecret = [...new Set(uses)];
    return out;
  });
}
function secretParameters(input) {
  try {
    return input.once(scanPasswords).secretParameters;
  } catch {
    return /* @__PURE__ */ new Map();
  }
}

// packages/core/src/entities/template-parameter/index.ts
var templateParameter = {
  kind: "TemplateParameter",
  template: { what: "parameters", extract: (input) => parametersOf2(input.template, secretParameters(input)) }
};

// packages/core/src/entities/trail/arns.ts
function coversAllResources(value) {
  return /^arn:[a-z-]+:[a-z0-9-]+(:::?)?$/.test(value.trim());
}

// packages/core/src/entities/trail/snapshot.ts
function trailLogPrefix(s3KeyPrefix) {
  const prefix = (s3KeyPrefix ?? "").replace(/^\/+|\/+$/g, "");
  return prefix === "" ? "AWSLogs/" : `${prefix}/AWSLogs/`;
}
function appliesTo(rule, keyPrefix) {
  const f = rule.Filter;
  if (f?.Tag !== void 0 || (f?.And?.Tags?.length ?? 0) > 0) return false;
  const p = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? "";
  return keyPrefix.startsWith(p) || p.startsWith(keyPrefix);
}
function lifecycleRuleAgesOut(rule, keyPrefix) {
  if (rule.Status !== "Enabled") return false;
  if (keyPrefix !== void 0 && !appliesTo(rule, keyPrefix)) return false;
  return rule.Expiration?.Days !== void 0 || rule.Expiration?.Date !== void 0 || (rule.Transitions?.length ?? 0) > 0 || rule.NoncurrentVersionExpiration !== void 0 || (rule.NoncurrentVersionTransitions?.length ?? 0) > 0;
}
function trailsFromSnapshot(input) {
  const seen = /* @__PURE__ */ new Map();
  for (const [region, r] of input.regions()) {
    (r.cloudtrail?.DescribeTrails?.trailList ?? []).forEach((t, index) => {
      const key = t.TrailARN ?? `${region}/${t.Name}`;
      const prev = seen.get(key);
      if (!prev || t.HomeRegion === region && prev.region !== region) seen.set(key, { trail: t, region, index });
    });
  }
  const lifecycles = input.snapshot.global.s3?.GetBucketLifecycleConfiguration ?? {};
  return [...seen.entries()].map(([key, { trail: t, region, index }]) => {
    const arn = t.TrailARN ?? `arn:${input.partition}:cloudtrail:${region}:${input.account}:trail/${t.Name}`;
    const name = t.Name ?? key;
    const status = perResource(input, "GetTrailStatus", arn);
    const selectors2 = perResource(input, "GetEventSelectors", arn);
    const tags = perResource(input, "ListTags", arn)?.value.ResourceTagList?.flatMap((r) => r.ResourceId === arn ? r.TagsList ?? [] : []);
    const bucket = t.S3BucketName;
    const lifecycle = bucket ? lifecycles[bucket] : void 0;
    const selection = selectors2 ? eventSelection(selectors2.value, (path3) => input.loc.at([...selectors2.path, ...path3], arn)) : void 0;
    const trail2 = {
      kind: "Trail",
      id: arn,
      ...input.base(t.HomeRegion ?? region),
      location: input.loc.at(["regional", region, "cloudtrail", "DescribeTrails", "trailList", index, "Name"], arn),
      displayName: name,
      name,
      arn,
      ...t.HomeRegion ? { homeRegion: t.HomeRegion } : {},
      ...t.IsMultiRegionTrail !== void 0 ? { isMultiRegion: t.IsMultiRegionTrail } : {},
      ...t.LogFileValidationEnabled !== void 0 ? { logFileValidation: t.LogFileValidationEnabled } : {},
      ...status?.value.IsLogging !== void 0 ? { isLogging: status.value.IsLogging } : {},
      ...t.IsOrganizationTrail !== void 0 ? { isOrganizationTrail: t.IsOrganizationTrail } : {},
      ...bucket ? { s3BucketName: bucket } : {},
      ...lifecycle ? { bucketHasLifecycle: (lifecycle.Rules ?? []).some((rule) => lifecycleRuleAgesOut(rule, trailLogPrefix(t.S3KeyPrefix))) } : {},
      ...lifecycle && bucket ? { bucketLocation: input.loc.at(["global", "s3", "GetBucketLifecycleConfiguration", bucket, "Rules"], arn) } : {},
      ...selection ? { managementEvents: selection.managementEvents } : {},
      dataEvents: selection?.dataEvents ?? [],
      selectorsKnown: selection !== void 0
    };
    return withStack(trail2, tags);
  });
}
function perResource(input, op, arn) {
  for (const [region, r] of input.regions()) {
    const map = r.cloudtrail?.[op];
    const value = map?.[arn];
    if (value) return { value, path: ["regional", region, "cloudtrail", op, arn] };
  }
  return void 0;
}
function eventSelection(response, locate) {
  const advanced = response.AdvancedEventSelectors ?? [];
  if (advanced.length > 0) {
    let managementEvents2 = false;
    const dataEvents2 = [];
    advanced.forEach((sel, i) => {
      const fields = sel.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === "eventCategory")?.Equals ?? [];
      if (category.includes("Management")) managementEvents2 = true;
      if (!category.includes("Data")) return;
      const typeIndex = fields.findIndex((f) => f.Field === "resources.type");
      const type = fields[typeIndex]?.Equals?.[0];
      if (!type) return;
      const arn = fields.filter((f) => f.Field === "resources.ARN");
      const named = arn.flatMap((f) => [...f.Equals ?? [], ...f.StartsWith ?? []]);
      const narrowedOtherwise = arn.some((f) => (f.EndsWith?.length ?? 0) > 0);
      const allResources = named.length > 0 ? named.some(coversAllResources) : !narrowedOtherwise;
      dataEvents2.push({ resourceType: type, allResources, location: locate(["AdvancedEventSelectors", i, "FieldSelectors", typeIndex]) });
    });
    return { managementEvents: managementEvents2, dataEvents: dataEvents2 };
  }
  const selectors2 = response.EventSelectors ?? [];
  const dataEvents = [];
  selectors2.forEach((sel, i) => {
    (sel.DataResources ?? []).forEach((d, j) => {
      if (!d.Type) return;
      dataEvents.push({
        resourceType: d.Type,
        allResources: (d.Values ?? []).some(coversAllResources),
        location: locate(["EventSelectors", i, "DataResources", j, "Values"])
      });
    });
  });
  const managementEvents = selectors2.length === 0 || selectors2.some((s) => s.IncludeManagementEvents !== false);
  return { managementEvents, dataEvents };
}

// packages/core/src/entities/trail/template.ts
function strings4(resolver, node) {
  const out = [];
  for (const b of resolver.branches(node)) {
    if (b.node?.kind === "seq") {
      for (const item of b.node.items) for (const c of resolver.values(item)) if (typeof c.value === "string") out.push(c.value);
    } else {
      for (const c of resolver.values(b.node)) {
        if (typeof c.value === "string") out.push(c.value);
        else if (Array.isArray(c.value))
          append(
            out,
            c.value.filter((v) => typeof v === "string")
          );
      }
    }
  }
  return out;
}
function items(resolver, node) {
  return resolver.branches(node).flatMap((b) => b.node?.kind === "seq" ? b.node.items.flatMap((i) => resolver.branches(i).map((x) => x.node)) : []).filter((n) => n !== void 0);
}
function selectors(resolver, props) {
  const basic = items(resolver, get(props, "EventSelectors"));
  const advanced = items(resolver, get(props, "AdvancedEventSelectors"));
  if (basic.length === 0 && advanced.length === 0) return { management: true, data: [] };
  let management = false;
  const data = [];
  for (const sel of basic) {
    if (toBool(resolver.value(get(sel, "IncludeManagementEvents"))) !== false) management = true;
    for (const dr of items(resolver, get(sel, "DataResources"))) {
      const type = scalarString(get(dr, "Type")) ?? "";
      const values = get(dr, "Values");
      data.push({ resourceType: type, allResources: strings4(resolver, values).some(coversAllResources), location: (values ?? dr).loc });
    }
  }
  for (const sel of advanced) {
    const fields = /* @__PURE__ */ new Map();
    for (const f of items(resolver, get(sel, "FieldSelectors"))) {
      const name = scalarString(get(f, "Field"));
      if (name) fields.set(name, f);
    }
    const category = strings4(resolver, get(fields.get("eventCategory"), "Equals"));
    if (category.includes("Management")) management = true;
    if (!category.includes("Data")) continue;
    const typeField = fields.get("resources.type");
    const arn = fields.get("resources.ARN");
    const named = [...strings4(resolver, get(arn, "Equals")), ...strings4(resolver, get(arn, "StartsWith"))];
    const allResources = named.length === 0 ? !arn || get(arn, "NotEquals") !== void 0 || get(arn, "NotStartsWith") !== void 0 : named.some(coversAllResources);
    for (const type of strings4(resolver, get(typeField, "Equals"))) {
      data.push({ resourceType: type, allResources, location: (typeField ?? sel).loc });
    }
  }
  return { management, data };
}
function bucketOf(template, graph, resolver, node) {
  const target = graph.target(node);
  if (target) {
    const res = template.resources.get(target.logicalId);
    return res?.type === "AWS::S3::Bucket" ? res : void 0;
  }
  const name = resolver.value(node);
  if (typeof name !== "string") return void 0;
  return [...template.resources.values()].find((r) => r.type === "AWS::S3::Bucket" && resolver.value(get(r.properties, "BucketName")) === name);
}
function bucketHasLifecycle(resolver, bucket) {
  for (const rule of items(resolver, get(get(bucket.properties, "LifecycleConfiguration"), "Rules"))) {
    if (resolver.value(get(rule, "Status")) !== "Enabled") continue;
    const keys = [
      "ExpirationInDays",
      "ExpirationDate",
      "Transitions",
      "Transition",
      "NoncurrentVersionExpirationInDays",
      "NoncurrentVersionExpiration",
      "NoncurrentVersionTransitions"
    ];
    if (keys.some((k) => get(rule, k) !== void 0)) return true;
  }
  return false;
}
function trailsOf(template, resolver, graph) {
  const trails = [];
  for (const res of template.resources.values()) {
    if (res.type !== "AWS::CloudTrail::Trail") continue;
    const props = res.properties;
    const name = resolver.value(get(props, "TrailName"));
    const bucketNode = get(props, "S3BucketName");
    const bucket = bucketOf(template, graph, resolver, bucketNode);
    const bucketName = resolver.value(bucketNode);
    const sel = selectors(resolver, props);
    const trail2 = {
      kind: "Trail",
      id: `${template.file}#${res.logicalId}`,
      source: "template",
      location: res.loc,
      displayName: res.logicalId,
      name: typeof name === "string" ? name : res.logicalId,
      ...typeof bucketName === "string" ? { s3BucketName: bucketName } : bucket ? { s3BucketName: bucket.logicalId } : {},
      ...bucket ? { bucketHasLifecycle: bucketHasLifecycle(resolver, bucket), bucketLocation: bucket.loc } : {},
      managementEvents: sel.management,
      dataEvents: sel.data
    };
    setField(trail2, "isMultiRegion", boolField(resolver, get(props, "IsMultiRegionTrail"), false, false));
    setField(trail2, "logFileValidation", boolField(resolver, get(props, "EnableLogFileValidation"), false, false));
    setField(trail2, "isLogging", boolField(resolver, get(props, "IsLogging"), void 0, false));
    setField(trail2, "isOrganizationTrail", boolField(resolver, get(props, "IsOrganizationTrail"), false, true));
    trails.push(trail2);
  }
  return trails;
}

// packages/core/src/entities/trail/index.ts
var trail = {
  kind: "Trail",
  template: { what: "trails", extract: (input) => trailsOf(input.template, input.resolver, input.graph) },
  snapshot: trailsFromSnapshot
};

// packages/core/src/entities/trail-set/snapshot.ts
function trailSetFromSnapshot(input) {
  const trails = input.of("Trail");
  const regions = input.regions();
  const listed = regions.filter(([, r]) => r.cloudtrail?.DescribeTrails !== void 0);
  const anyFailed = regions.some(([region]) => input.didFail("cloudtrail", region, "DescribeTrails"));
  if (listed.length === 0 || trails.length === 0 && anyFailed) return [];
  const first = listed[0]?.[0] ?? "";
  return [
    {
      kind: "TrailSet",
      id: `arn:${input.partition}:cloudtrail:*:${input.account}:trail/*`,
      ...input.base(void 0),
      location: input.loc.at(["regional", first, "cloudtrail", "DescribeTrails"], `arn:${input.partition}:cloudtrail:*:${input.account}:trail/*`),
      displayName: `account ${input.account}`,
      scope: "account",
      trails
    }
  ];
}

// packages/core/src/entities/trail-set/template.ts
function trailSetOf(template, trails) {
  if (trails.length === 0) return [];
  return [
    {
      kind: "TrailSet",
      id: `${template.file}#trails`,
      source: "template",
      location: trails[0]?.location ?? { file: template.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      displayName: template.file,
      scope: "template",
      trails
    }
  ];
}

// packages/core/src/entities/trail-set/index.ts
var trailSet = {
  kind: "TrailSet",
  template: { what: "trails", extract: (input) => trailSetOf(input.template, input.of("Trail")) },
  snapshot: trailSetFromSnapshot
};

// packages/core/src/entities/index.ts
var ENTITY_SLICES = {
  Resource: resource,
  PasswordProperty: passwordProperty,
  SecurityGroup: securityGroup,
  NetworkAcl: networkAcl,
  ElasticIp: elasticIp,
  NatGateway: natGateway,
  Trail: trail,
  TrailSet: trailSet,
  Instance: instance,
  Secret: secret,
  Policy: policy2,
  IamUser: iamUser,
  RootAccount: rootAccount,
  AccessKeyResource: accessKeyResource,
  TemplateParameter: templateParameter,
  DbInstance: dbInstance,
  AzSpan: azSpan,
  CacheReplicationGroup: cacheReplicationGroup,
  DbCluster: dbCluster,
  BillingGuardrails: billingGuardrails,
  IamGroup: iamGroup,
  IamRole: iamRole
};

// packages/core/src/template/resolution/graph.ts
var SUB_VAR2 = /\$\{([A-Za-z0-9_:]+)(?:\.([A-Za-z0-9_.]+))?\}/g;
var TemplateGraph = class {
  constructor(template) {
    this.template = template;
  }
  template;
  refs;
  referencesTo(logicalId) {
    if (!this.refs) {
      const refs = /* @__PURE__ */ new Map();
      for (const res of this.template.resources.values()) this.index(refs, res.node, res.logicalId, res.type);
      const outputs = get(this.template.root, "Outputs");
      if (outputs?.kind === "map") for (const e of outputs.entries) this.index(refs, e.value, `Outputs/${e.key}`, void 0);
      this.refs = refs;
    }
    return this.refs.get(logicalId) ?? [];
  }
  /** The logical id a `Ref`/`Fn::GetAtt` node points at, if it points at a resource of the template. */
  target(node) {
    const fn = intrinsicName(node);
    if (fn === "Ref") {
      const id = scalarString(get(node, "Ref"));
      return id && this.template.resources.has(id) ? { logicalId: id } : void 0;
    }
    if (fn === "Fn::GetAtt") {
      const arg = get(node, "Fn::GetAtt");
      const [id, attribute] = arg?.kind === "seq" ? arg.items.map(scalarString) : scalarString(arg)?.split(/\.(.*)/) ?? [];
      return id && this.template.resources.has(id) ? { logicalId: id, ...attribute ? { attribute } : {} } : void 0;
    }
    return void 0;
  }
  add(refs, target, ref) {
    const list = refs.get(target);
    if (list) list.push(ref);
    else refs.set(target, [ref]);
  }
  index(refs, root, from, fromType) {
    const path3 = [];
    const visit3 = (node) => {
      const fn = intrinsicName(node);
      if (fn === "Ref" || fn === "Fn::GetAtt") {
        const t = this.target(node);
        if (t)
          this.add(refs, t.logicalId, {
            ...this.where(from, fromType, path3, node),
            kind: fn === "Ref" ? "Ref" : "GetAtt",
            ...t.attribute ? { attribute: t.attribute } : {}
          });
      } else if (fn === "Fn::Sub") {
        const arg = get(node, "Fn::Sub");
        const text3 = arg?.kind === "seq" ? scalarString(arg.items[0]) : scalarString(arg);
        if (text3?.includes("${")) {
          for (const m of text3.matchAll(SUB_VAR2)) {
            const id = m[1] ?? "";
            if (this.template.resources.has(id))
              this.add(refs, id, { ...this.where(from, fromType, path3, node), kind: "Sub", ...m[2] ? { attribute: m[2] } : {} });
          }
        }
      }
      if (node.kind === "map") {
        for (const e of node.entries) {
          if (e.value.kind === "scalar") continue;
          path3.push(e.key);
          visit3(e.value);
          path3.pop();
        }
      } else if (node.kind === "seq") {
        for (let i = 0; i < node.items.length; i++) {
          const item = node.items[i];
          if (item.kind === "scalar") continue;
          path3.push(i);
          visit3(item);
          path3.pop();
        }
      }
    };
    visit3(root);
  }
  where(from, fromType, path3, node) {
    return { from, ...fromType ? { fromType } : {}, path: path3.join("/"), loc: node.loc };
  }
};

// packages/core/src/template/entities.ts
function extractEntities(template, parameters, withResources = false) {
  const extraction = new TemplateExtraction(template, parameters, withResources);
  const entities = [];
  for (const slice of Object.values(ENTITY_SLICES)) if (slice.template) append(entities, extraction.of(slice.kind));
  const { notifications, resolver } = extraction;
  append(
    notifications,
    extraction.guard("values not evaluated", [], () => unevaluatedNotes(template, resolver))
  );
  const hidden = noEchoValues(template, parameters);
  if (hidden.length > 0) for (const e of entities) e.noEchoValues = hidden;
  return { entities, notifications };
}
var TemplateExtraction = class {
  constructor(template, parameters, withResources) {
    this.template = template;
    this.withResources = withResources;
    this.resolver = new Resolver(template, parameters ? { parameters } : {});
    this.graph = new TemplateGraph(template);
  }
  template;
  withResources;
  notifications = [];
  resolver;
  /** Who refers to what, worked out when an extractor first asks (a failure there is that extractor's). */
  graph;
  extracted = /* @__PURE__ */ new Map();
  shared = /* @__PURE__ */ new Map();
  of(kind) {
    const known = this.extracted.get(kind);
    if (known === "extracting") throw new Error(`entity kind ${kind} is extracted from itself`);
    if (known) return known;
    this.extracted.set(kind, "extracting");
    const extracted = this.extract(ENTITY_SLICES[kind]);
    this.extracted.set(kind, extracted);
    return extracted;
  }
  once(compute) {
    let result = this.shared.get(compute);
    if (!result) {
      try {
        result = { value: compute(this) };
      } catch (error) {
        result = { error };
      }
      this.shared.set(compute, result);
    }
    if ("error" in result) throw result.error;
    return result.value;
  }
  guard(what, fallback, extract) {
    try {
      return extract();
    } catch (err) {
      this.notifications.push({
        level: "error",
        code: "internal-error",
        file: this.template.file,
        message: `Cannot read ${what} from this template (internal error: ${err instanceof Error ? err.message : String(err)}); rules on them were not evaluated here`
      });
      return fallback;
    }
  }
  extract(slice) {
    const extractor = slice.template;
    if (!extractor || extractor.onDemand && !this.withResources) return [];
    return this.guard(extractor.what, [], () => extractor.extract(this));
  }
};
function noEchoValues(template, parameters) {
  const out = [];
  for (const p of template.parameters.values()) {
    const given = p.noEcho ? own(parameters, p.name) : void 0;
    if (given === void 0) continue;
    out.push(given, ...given.split(",").map((v) => v.trim()));
  }
  return [...new Set(out.filter((v) => v !== ""))];
}
var MAX_UNEVALUATED_NOTES = 20;
function unevaluatedNotes(template, resolver) {
  if (resolver.unevaluated.size === 0) return [];
  const pending = new Map(resolver.unevaluated);
  const found = [];
  for (const res of template.resources.values()) {
    walk(res.node, (node, path3) => {
      const reason = pending.get(node);
      if (reason === void 0) return;
      pending.delete(node);
      found.push({ node, where: `${res.logicalId}/${path3.join("/")}`.replace(/\/$/, ""), reason });
    });
    if (pending.size === 0) break;
  }
  for (const [node, reason] of pending) found.push({ node, where: `the value at line ${node.loc.line}`, reason });
  found.sort((a, b) => a.node.loc.line - b.node.loc.line || a.node.loc.column - b.node.loc.column);
  const out = found.slice(0, MAX_UNEVALUATED_NOTES).map(({ node, where, reason }) => ({
    level: "note",
    code: "not-evaluated",
    file: template.file,
    line: node.loc.line,
    column: node.loc.column,
    message: `${where} was not evaluated in full: ${reason}; rules that read it may miss an alternative`
  }));
  const more = found.length - MAX_UNEVALUATED_NOTES;
  if (more > 0) {
    out.push({
      level: "note",
      code: "not-evaluated",
      file: template.file,
      message: `${more} more values were not evaluated in full (as the ${MAX_UNEVALUATED_NOTES} noted)`
    });
  }
  return out;
}

// packages/core/src/template/load.ts
import path2 from "node:path";
var JSON_EXTENSIONS = /* @__PURE__ */ new Set([".json", ".jsonc"]);
function formatOf(file, text3) {
  const ext = path2.extname(file).toLowerCase();
  if (JSON_EXTENSIONS.has(ext)) return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return /^\uFEFF?\s*\{/.test(text3) ? "json" : "yaml";
}
function loadTemplate(file, raw, explicit, options = {}) {
  try {
    return load(file, raw, explicit, options);
  } catch (err) {
    const message = `Cannot read the template (internal error: ${err instanceof Error ? err.message : String(err)})`;
    return { template: void 0, notifications: [{ level: "error", code: "internal-error", file, message }] };
  }
}
function load(file, raw, explicit, options) {
  const text3 = stripBom(raw);
  if (!/\S/.test(text3)) {
    return { template: void 0, notifications: explicit ? [{ level: "note", code: "empty-file", file, message: "Empty file: nothing to scan" }] : [] };
  }
  const parsed = parseText(file, text3, formatOf(file, text3));
  if (!parsed.ok) {
    if (!explicit && !looksLikeTemplate(text3)) return { template: void 0, notifications: [] };
    const hint = !text3.includes("\n") && text3.includes("\r") ? "; its line breaks are lone CR characters: save it with LF or CRLF line breaks" : "";
    return {
      template: void 0,
      notifications: [
        { level: "error", code: "parse-error", file, line: parsed.problem.line, column: parsed.problem.column, message: `${parsed.problem.message}${hint}` }
      ]
    };
  }
  if (parsed.root === void 0) {
    const notifications = explicit ? [{ level: "note", code: "empty-file", file, message: "No content: the file holds only comments; nothing to scan" }] : [];
    return { template: void 0, notifications };
  }
  if (isServerless(parsed.root) && !isTemplate(parsed.root)) {
    const sls = serverlessTemplateRoot(file, parsed.root);
    const template2 = { ...buildTemplate(file, text3, parsed.index, sls.root, options), variables: SERVERLESS_VARIABLE, serverless: parsed.root };
    return { template: template2, notifications: [...sls.notifications, ...template2.notifications ?? [], ...templateNotices(template2, 0, parsed.notices)] };
  }
  if (!isTemplate(parsed.root)) {
    const notifications = explicit ? [
      {
        level: "note",
        code: "not-a-template",
        file,
        message: "Not a CloudFormation template (no AWSTemplateFormatVersion and no Resources with AWS:: types); skipped"
      }
    ] : [];
    return { template: void 0, notifications };
  }
  const template = buildTemplate(file, text3, parsed.index, parsed.root, options);
  return { template, notifications: [...template.notifications ?? [], ...templateNotices(template, Buffer.byteLength(raw, "utf8"), parsed.notices)] };
}

// packages/core/src/engine/suppress.ts
var byIdOrName = (key) => (rule) => key === "*" || key === rule.id || key === rule.name;
function matcher(match) {
  if ("rule" in match) return byIdOrName(match.rule);
  if ("cfnNag" in match) return (r) => r.covers.cfnNag?.includes(match.cfnNag) ?? false;
  return (r) => r.covers.checkov?.includes(match.checkov) ?? false;
}
function suppressionRule(match, suppression) {
  return { match, matches: matcher(match), suppression };
}

// packages/core/src/template/suppressions.ts
function templateSuppressions(template) {
  const byResource = /* @__PURE__ */ new Map();
  const notifications = [];
  for (const res of template.resources.values()) {
    const list = [];
    const entries = (tool, key) => {
      const node = get(get(res.metadata, tool), key);
      return node?.kind === "seq" ? node.items : [];
    };
    for (const item of entries("mamori", "suppress")) {
      const rule = scalarString(get(item, "rule"));
      const reason = scalarString(get(item, "reason"))?.trim();
      if (!rule || !reason) {
        notifications.push({
          level: "warning",
          code: "suppression-ignored",
          file: template.file,
          line: item.loc.line,
          column: item.loc.column,
          message: `Suppression on ${res.logicalId} ignored: it needs both "rule" and a non-empty "reason"`
        });
        continue;
      }
      list.push(suppressionRule({ rule }, { kind: "inSource", justification: reason, via: "mamori" }));
    }
    for (const item of entries("cfn_nag", "rules_to_suppress")) {
      const id = scalarString(get(item, "id"));
      if (!id) continue;
      const reason = scalarString(get(item, "reason")) ?? "suppressed with cfn_nag rules_to_suppress";
      list.push(suppressionRule({ cfnNag: id }, { kind: "inSource", justification: reason, via: "cfn_nag" }));
    }
    for (const item of entries("checkov", "skip")) {
      const id = scalarString(get(item, "id"));
      if (!id) continue;
      const reason = scalarString(get(item, "comment")) ?? "skipped with a checkov skip";
      list.push(suppressionRule({ checkov: id }, { kind: "inSource", justification: reason, via: "checkov" }));
    }
    if (list.length > 0) byResource.set(res.logicalId, list);
  }
  return { byResource, notifications };
}

// packages/core/src/scan-files.ts
var MAX_TEXT_FILE_BYTES = 1024 * 1024;
function processFile(task, context2, snapshots) {
  try {
    return readAndExtract(task, context2, snapshots);
  } catch (err) {
    const message = `Cannot scan this file (internal error: ${err instanceof Error ? err.message : String(err)})`;
    return { notifications: [{ level: "error", code: "internal-error", file: task.file, message }], entities: [] };
  }
}
function readAndExtract(task, context2, snapshots) {
  const { absPath, file, explicit } = task;
  const roots = context2.roots ? { roots: context2.roots } : {};
  if (!task.template) return textFileSecrets(absPath, file, context2);
  const read = readTemplateFile(absPath, file, explicit, { deferSnapshots: snapshots === void 0, ...roots });
  if (read.deferred) return { notifications: [], entities: [], deferred: true };
  if (read.passedOver) return digested(keysInBytes(file, read.passedOver, context2.allFiles), read.passedOver, context2);
  if (read.text === void 0) return { notifications: read.notifications, entities: [] };
  return digested(extractText(file, read.text, explicit, context2, snapshots), read.text, context2);
}
function digested(outcome, content, context2) {
  return context2.digest && !outcome.deferred ? { ...outcome, digest: contentDigest(content) } : outcome;
}
function extractText(file, text3, explicit, context2, snapshots) {
  const notifications = [];
  if (snapshots === void 0 && looksLikeSnapshot(text3)) return { notifications, entities: [], deferred: true };
  if (snapshots && isSnapshotText(text3)) return snapshotOutcome(snapshots(file, text3), notifications);
  if (isOrganizationSummaryText(text3)) return { notifications: organizationSummaryNotifications(file, text3), entities: [] };
  const outcome = loadTemplate(file, text3, explicit, context2.parameters ? { parameters: context2.parameters } : {});
  append(notifications, outcome.notifications);
  if (!outcome.template) {
    if (!context2.allFiles) return { notifications, entities: [] };
    return { notifications, entities: secretEntities(file, text3, notifications), checked: true };
  }
  const extracted = extractEntities(outcome.template, context2.parameters, context2.wantsResources);
  append(notifications, extracted.notifications);
  const suppressions = templateSuppressions(outcome.template);
  append(notifications, suppressions.notifications);
  return {
    notifications,
    entities: extracted.entities,
    listed: "template",
    ...suppressions.byResource.size > 0 ? { suppressions: suppressions.byResource } : {}
  };
}
function snapshotOutcome(loaded, notifications) {
  append(notifications, loaded.notifications);
  if (!loaded.snapshot) return { notifications, entities: [] };
  const { accountId, accountName } = loaded.snapshot;
  return {
    notifications,
    entities: loaded.entities,
    listed: "snapshot",
    account: { id: accountId, ...accountName !== void 0 ? { name: accountName } : {} }
  };
}
function textFileSecrets(absPath, file, context2) {
  const read = readBounded(absPath, MAX_TEXT_FILE_BYTES, context2.roots ? { roots: context2.roots } : {});
  const skipped = (message, level = "note") => ({
    notifications: [{ level, code: level === "error" ? "read-error" : "skipped", file, message }],
    entities: []
  });
  if ("bytes" in read) return digested(keysInBytes(file, read.bytes, true), read.bytes, context2);
  if ("oversized" in read) {
    const size = read.size > MAX_TEXT_FILE_BYTES + 1 ? `${bytes2(read.size)} bytes (${mib(read.size)})` : `more than ${bytes2(MAX_TEXT_FILE_BYTES)} bytes`;
    return skipped(`Not checked for keys: ${size} is over mamori's ${mib(MAX_TEXT_FILE_BYTES)} limit for text files`);
  }
  if (read.problem === "error") return skipped(`Cannot read file: ${failureText(read)}`, "error");
  return skipped(`Not checked for keys: ${failureText(read)}`);
}
function keysInBytes(file, content, keys) {
  const decoded = decodeText(content);
  if ("binary" in decoded) return { notifications: [], entities: [], binary: true };
  if (!keys) return { notifications: [], entities: [] };
  const notifications = [];
  return { notifications, entities: secretEntities(file, decoded.text, notifications), checked: true };
}
var bytes2 = (n) => n.toLocaleString("en-US");
function secretEntities(file, text3, notifications = []) {
  const found = findSecrets(text3);
  const tooMany = tooManySecrets(found.length, file);
  if (tooMany) notifications.push(tooMany);
  const matches = found.slice(0, MAX_SECRETS_PER_FILE);
  if (matches.length === 0) return [];
  const index = new LineIndex(file, text3);
  const ids = secretIds(`${file}#`, matches);
  return matches.map((s, i) => secretEntity(ids[i] ?? "", s, index.location(s.start, s.end), file));
}

// packages/core/src/scan-worker.ts
var { context, progress: shared } = workerData;
var progress = shared ? new Int32Array(shared) : void 0;
parentPort?.on("message", ({ unit, tasks }) => {
  try {
    if (progress) Atomics.store(progress, 0, unit);
    const outcomes = tasks.map((task, i) => {
      if (progress) Atomics.store(progress, 1, i);
      return withoutMatchers(processFile(task, context));
    });
    if (progress) Atomics.store(progress, 1, tasks.length);
    parentPort?.postMessage({ unit, outcomes });
  } catch (err) {
    parentPort?.postMessage({
      unit,
      error: { message: err instanceof Error ? err.message : String(err), ...err instanceof Error && err.stack ? { stack: err.stack } : {} }
    });
  }
});
function withoutMatchers(outcome) {
  if (!outcome.suppressions) return outcome;
  const data = [...outcome.suppressions].map(([resource2, list]) => [resource2, list.map(({ match, suppression }) => ({ match, suppression }))]);
  return { ...outcome, suppressions: new Map(data) };
}
