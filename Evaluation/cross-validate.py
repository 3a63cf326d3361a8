#!/usr/bin/env python3
"""Cross-validates the classifier's learned stage over every hand-labelled commit: the figure to improve.

Input: the JSON lines `ktlo-eval features` prints for the hand-labelled commits (all splits) and for the
prefix-hidden Conventional Commits (scripts/cross-validate-classifier runs the whole thing). The hand-labelled
commits are dealt into K folds, stratified by repository and label (each repository's commits of each label spread
evenly over the folds) and grouped by commit (a commit is in exactly one fold). For each fold a model is trained as
train-model.py trains the shipped one (the same features, the same minimum count counted on the training part only,
the Conventional Commits always in training) on the other folds, and classifies the fold's commits that reach the
last stage; the commits an earlier rule decides keep the rules' decision. Every commit is classified once, by a
model that never saw it.

Each repeat deals the folds with another seed; the figures are over all repeats (one 5-fold pass moves by about a
point from seed to seed, three by about half that). Printed: 6-way (maintenance counted as refactor, revert as fix)
and 3-way (ktlo / feature / other) accuracy and Cohen's kappa, per split and overall, beside the rules alone on the
same commits, and the 6-way confusion matrix; with --grid, the same for every setting of a small grid, so that
train-model.py's settings are chosen here (the grid of train-model.py's docstring ran with --repeats 1).

Usage: cross-validate.py HAND.jsonl CONVENTIONAL.jsonl [--folds K (5)] [--repeats R (3)] [--grid]
       [--c C] [--cc-weight W] [--min-count N] [--class-weight none|balanced]
"""
import argparse
import json
import random
import sys
from collections import Counter, defaultdict

import numpy as np

SIX = {"maintenance": "refactor", "revert": "fix"}
BUCKET = {"fix": "ktlo", "refactor": "ktlo", "maintenance": "ktlo", "revert": "ktlo", "feature": "feature",
          "docs": "other", "test": "other", "other": "other", "merge": "merge"}
# The shipped model never answers revert or merge (CommitClassifier.decide(_:with:) leaves them out).
NEVER = {"revert", "merge"}


def six(label):
    return SIX.get(label, label)


def kappa(pairs):
    """Cohen's kappa of (expected, actual) pairs."""
    total = len(pairs)
    if total == 0:
        return 0.0
    observed = sum(1 for expected, actual in pairs if expected == actual) / total
    rows = Counter(expected for expected, _ in pairs)
    columns = Counter(actual for _, actual in pairs)
    chance = sum(rows[key] * columns.get(key, 0) for key in rows) / (total * total)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def scores(pairs):
    """(6-way accuracy, 6-way kappa, 3-way accuracy, 3-way kappa) of (label, classified) pairs."""
    six_pairs = [(six(label), six(guess)) for label, guess in pairs]
    three_pairs = [(BUCKET[label], BUCKET[guess]) for label, guess in pairs]
    def accuracy(items):
        return sum(1 for expected, actual in items if expected == actual) / max(1, len(items))
    return accuracy(six_pairs), kappa(six_pairs), accuracy(three_pairs), kappa(three_pairs)


def folds_of(hand, folds, seed):
    """Fold number of every hand-labelled row: each (repository, label) stratum shuffled with a seeded generator
    and dealt round-robin, continuing where the previous stratum stopped so that the folds stay the same size."""
    strata = defaultdict(list)
    for index, row in enumerate(hand):
        strata[(row["repo"], row["label"])].append(index)
    generator = random.Random(seed)
    assignment = [0] * len(hand)
    position = 0
    for key in sorted(strata):
        members = sorted(strata[key], key=lambda index: hand[index]["sha"])
        generator.shuffle(members)
        for index in members:
            assignment[index] = position % folds
            position += 1
    return assignment


def predict(vectorizer, model, rows):
    if not rows:
        return []
    probabilities = model.predict_proba(vectorizer.transform([row["features"] for row in rows]))
    classes = list(model.classes_)
    allowed = np.asarray([0.0 if name in NEVER else 1.0 for name in classes])
    return [classes[int(np.argmax(row * allowed))] for row in probabilities]


def cross_validate(shipped, hand, conventional, folds, repeats, c, cc_weight, min_count, class_weight):
    """(label, classified, split) of every hand-labelled row, once per repeat."""
    results = []
    for repeat in range(repeats):
        assignment = folds_of(hand, folds, seed=repeat)
        for fold in range(folds):
            train = [row for row, number in zip(hand, assignment) if number != fold]
            held = [row for row, number in zip(hand, assignment) if number == fold]
            # Trained exactly as the shipped model is, on the other folds and the Conventional Commits.
            vectorizer, model = shipped.train(train + conventional, c, cc_weight, min_count, class_weight)
            open_rows = [row for row in held if row["features"]]
            guesses = dict(zip((row["sha"] for row in open_rows), predict(vectorizer, model, open_rows)))
            for row in held:
                results.append((row["label"], guesses.get(row["sha"], row["rules_only"]), row["split"]))
    return results


def line(name, pairs):
    six_accuracy, six_kappa, three_accuracy, three_kappa = scores(pairs)
    return (f"{name:<34} {len(pairs):>5}  6-way {100 * six_accuracy:5.1f} % (kappa {six_kappa:.3f})  "
            f"3-way {100 * three_accuracy:5.1f} % (kappa {three_kappa:.3f})")


def confusion(pairs):
    """The 6-way confusion matrix (rows: label, columns: classified) as text."""
    names = sorted({six(label) for label, _ in pairs} | {six(guess) for _, guess in pairs})
    counts = Counter((six(label), six(guess)) for label, guess in pairs)
    text = ["6-way confusion (rows: label, columns: classified)", " " * 10 + "".join(f"{name:>10}" for name in names)]
    for row in names:
        text.append(f"{row:<10}" + "".join(f"{counts[(row, column)]:>10}" for column in names))
    return "\n".join(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("hand")
    parser.add_argument("conventional")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--c", type=float, default=None)
    parser.add_argument("--cc-weight", type=float, default=None)
    parser.add_argument("--min-count", type=int, default=None)
    parser.add_argument("--class-weight", default=None, choices=["none", "balanced"])
    parser.add_argument("--grid", action="store_true")
    options = parser.parse_args()

    # The shipped settings, unless told otherwise.
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    shipped = __import__("train-model")
    c = options.c if options.c is not None else shipped.C
    cc_weight = options.cc_weight if options.cc_weight is not None else shipped.CONVENTIONAL_WEIGHT
    min_count = options.min_count if options.min_count is not None else shipped.MIN_COUNT
    class_weight = options.class_weight or shipped.CLASS_WEIGHT

    with open(options.hand, encoding="utf-8") as handle:
        hand = [json.loads(text) for text in handle]
    with open(options.conventional, encoding="utf-8") as handle:
        conventional = [json.loads(text) for text in handle]
    if any(row["split"] not in shipped.HAND_SPLITS for row in hand):
        sys.exit("cross-validate: only the development splits (" + ", ".join(shipped.HAND_SPLITS) + ") are read")
    hand.sort(key=lambda row: (row["repo"], row["sha"]))

    rules = [(row["label"], row["rules_only"]) for row in hand]
    print(f"{len(hand)} hand-labelled commits ({sum(1 for row in hand if row['features'])} reach the last stage), "
          f"{sum(1 for row in conventional if row['features'])} Conventional Commits; "
          f"{options.folds}-fold, {options.repeats} repeat(s)")
    print(line("rules alone, all", rules))
    for split in shipped.HAND_SPLITS:
        print(line(f"rules alone, {split}", [(row["label"], row["rules_only"]) for row in hand if row["split"] == split]))

    settings = [(c, cc_weight, min_count, class_weight)]
    if options.grid:
        # C against the Conventional Commits' weight, then the minimum count and the class weighting around the
        # best of those (a full product would take an hour on two cores).
        settings = [(grid_c, grid_w, min_count, class_weight)
                    for grid_c in (0.1, 0.3, 1.0)
                    for grid_w in (0.0, 0.02, 0.05)]
        settings += [(c, cc_weight, grid_m, class_weight) for grid_m in (1, 2, 5) if grid_m != min_count]
        settings += [(c, cc_weight, min_count, "balanced" if class_weight == "none" else "none")]
    for grid_c, grid_w, grid_m, grid_k in settings:
        results = cross_validate(shipped, hand, conventional, options.folds, options.repeats, grid_c, grid_w, grid_m, grid_k)
        name = f"C={grid_c} cc={grid_w} min={grid_m} {grid_k}"
        print(line(f"model, {name}", [(label, guess) for label, guess, _ in results]), flush=True)
        if not options.grid:
            for split in shipped.HAND_SPLITS:
                print(line(f"model, {split}", [(label, guess) for label, guess, where in results if where == split]))
            print(confusion([(label, guess) for label, guess, _ in results]))


if __name__ == "__main__":
    main()
