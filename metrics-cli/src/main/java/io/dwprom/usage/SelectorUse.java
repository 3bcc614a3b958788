package io.dwprom.usage;

import io.dwprom.promql.Expr.VectorSelector;

/** A selector of a query and the labels of its series the query's result depends on. */
record SelectorUse(VectorSelector selector, LabelDemand demand) {
}
