import Testing
@testable import Analysis

/// The cyclomatic estimate on small samples of every language, next to what lizard 1.24 says about the same text.
@Suite struct SourceAnalyzerTests {
    private func measure(_ source: String, _ path: String) -> SourceMetrics {
        SourceAnalyzer.measure(Array(source.utf8), path: path)
    }

    /// a C function with a decision in a comment, a string and a macro; lizard: 10 (its line count leaves out preprocessor lines: 14).
    @Test func c() {
        let metrics = measure(#"""
        /* a comment with if and while */
        #include <stdio.h>
        #define MAX(a, b) ((a) > (b) ? (a) : (b))

        static int table[] = { 1, 2, 3 };

        int classify(int a, int b) {
            // if (a) in a comment is no decision
            if (a && b) return 1;
        #ifdef EXTRA
            for (;;) { break; }
        #endif
            switch (a) {
            case 1:
            case 2:
                return a ? b : 0;
            }
            const char *s = "while (x) { if";
            return s[0] == '{' || b;
        }

        void empty(void) {}
        """#, "src/sample.c")
        #expect(metrics.language == .c)
        #expect(metrics.functions == 2)
        #expect(metrics.cyclomatic == 10)
        #expect(metrics.codeLines == 17)
    }

    /// C#; lizard: 5.
    @Test func csharp() {
        let metrics = measure(#"""
        // if in a comment
        public class Sample
        {
            public int Check(int? a)
            {
                if (a > 0 || a == null) { return a ?? 0; }
                var s = @"verbatim ""if"" {";
                foreach (var c in s) { if (c == 'x') return 1; }
                return 2;
            }
        }
        """#, "src/sample.cs")
        #expect(metrics.language == .csharp)
        #expect(metrics.functions == 1)
        #expect(metrics.cyclomatic == 5)
        #expect(metrics.codeLines == 10)
    }

    /// Go, with a closure and a method; lizard: 9.
    @Test func go() {
        let metrics = measure(#"""
        package main

        // Sum adds; if in a comment.
        func Sum(xs []int) (total int, err error) {
        	for _, x := range xs {
        		if x < 0 && x != -1 {
        			return 0, nil
        		}
        		total += x
        	}
        	f := func() bool { return total > 10 || total < 0 }
        	switch {
        	case f():
        	case total == 3:
        	}
        	s := `raw if {`
        	_ = s
        	return
        }

        type T struct{ a int }

        func (t *T) Get() int { return t.a }
        """#, "src/sample.go")
        #expect(metrics.language == .go)
        #expect(metrics.functions == 3)
        #expect(metrics.cyclomatic == 9)
        #expect(metrics.codeLines == 19)
    }

    /// Java; lizard: 7.
    @Test func java() {
        let metrics = measure(#"""
        // if in a comment
        public class Sample {
            private int x;

            public int check(int a) throws Exception {
                if (a > 0 && a < 10) {
                    return a;
                }
                try {
                    return a > 5 ? 1 : 2;
                } catch (RuntimeException e) {
                    return -1;
                }
            }

            public void loop() {
                while (x < 3) { x++; }
            }
        }
        """#, "src/sample.java")
        #expect(metrics.language == .java)
        #expect(metrics.functions == 2)
        #expect(metrics.cyclomatic == 7)
        #expect(metrics.codeLines == 16)
    }

    /// Kotlin; lizard: 6 (it also counts the expression-bodied `short`).
    @Test func kotlin() {
        let metrics = measure(#"""
        // if in a comment
        class Sample {
            fun check(a: Int?): Int {
                if (a != null && a > 0) {
                    return a
                }
                for (i in 0..3) { println(i) }
                return a ?: 0
            }

            fun short(): Boolean = true
        }
        """#, "src/sample.kt")
        #expect(metrics.language == .kotlin)
        #expect(metrics.functions == 1)
        #expect(metrics.cyclomatic == 5)
        #expect(metrics.codeLines == 10)
    }

    /// PHP; lizard: 6.
    @Test func php() {
        let metrics = measure(#"""
        <?php
        // if in a comment
        # while in a comment
        function check($a) {
            if ($a > 0 && $a < 5) {
                return $a ?? 0;
            } elseif ($a === null) {
                return 1;
            }
            foreach ($a as $b) { echo "if {$b}"; }
            return $a ? 1 : 2;
        }
        """#, "src/sample.php")
        #expect(metrics.language == .php)
        #expect(metrics.functions == 1)
        #expect(metrics.cyclomatic == 6)
        #expect(metrics.codeLines == 10)
    }

    /// Python, with a nested function and top-level code; lizard: 12.
    @Test func python() {
        let metrics = measure(#"""
        """Module docstring: if and while here are text."""
        import os

        if os.name == "posix":   # top-level code is not in a function
            pass


        def outer(x):
            # for in a comment
            if x and not os.path.exists(x):
                return [y for y in x if y]
            elif x or None:
                pass

            def inner():
                while True:
                    try:
                        return 1
                    except ValueError:
                        return 2
            return inner


        class Thing:
            def method(self, a):
                return a if a else "if"
        """#, "src/sample.py")
        #expect(metrics.language == .python)
        #expect(metrics.functions == 3)
        #expect(metrics.cyclomatic == 12)
        #expect(metrics.codeLines == 19)
    }

    /// Ruby; lizard: 6.
    @Test func ruby() {
        let metrics = measure(#"""
        # if in a comment
        class Sample
          def check(a)
            return 0 unless a
            if a > 1 && a < 5
              1
            elsif a == 7
              2
            end
          end

          def each_item(items)
            items.each do |item|
              puts item if item
            end
          end
        end
        """#, "src/sample.rb")
        #expect(metrics.language == .ruby)
        #expect(metrics.functions == 2)
        #expect(metrics.cyclomatic == 6)
        #expect(metrics.codeLines == 15)
    }

    /// Rust, with lifetimes, raw strings and a match; lizard: 6.
    @Test func rust() {
        let metrics = measure(#"""
        // if in a comment
        fn parse<'a>(input: &'a str) -> Result<Vec<&'a str>, String> {
            let s = r#"if "quoted" {"#;
            let c = '{';
            if input.is_empty() || c == '}' {
                return Err(String::from("empty"));
            }
            let n: i32 = input.parse().map_err(|e| format!("{}", e))?;
            match n {
                0 => Ok(vec![]),
                _ => Ok(vec![s]),
            }
        }

        struct S;

        impl S {
            fn get(&self) -> u8 { 1 }
        }
        """#, "src/sample.rs")
        #expect(metrics.language == .rust)
        #expect(metrics.functions == 2)
        #expect(metrics.cyclomatic == 6)
        #expect(metrics.codeLines == 16)
    }

    /// Swift, with optionals; lizard: 7.
    @Test func swift() {
        let metrics = measure(#"""
        // if in a comment
        struct Box {
            var value: Int?

            func describe(flag: Bool) -> String {
                guard let value = value else { return "none" }
                let label = flag ? "yes" : "no"
                let other = value > 1 && flag
                return label + (other ? "!" : "") + "\(value ?? 0)"
            }

            init(value: Int?) {
                self.value = value
                if value == nil { print("nil") }
            }
        }
        """#, "src/sample.swift")
        #expect(metrics.language == .swift)
        #expect(metrics.functions == 2)
        #expect(metrics.cyclomatic == 7)
        #expect(metrics.codeLines == 13)
    }

    /// TypeScript, with a regular expression and an arrow function; lizard: 10 (it reads the word `if` inside the template literal as a decision).
    @Test func typescript() {
        let metrics = measure(#"""
        // if in a comment
        export function pick(a?: string, b = 1): string {
          if (a && b > 0) {
            return a ?? 'none'
          }
          return a?.trim() ? 'x' : `if ${b}`
        }

        const re = /if\(/g
        export const double = (n: number) => n * 2

        class Greeter {
          greet(name: string) {
            for (const c of name) { if (c === '?') return true }
            return false
          }
        }
        """#, "src/sample.ts")
        #expect(metrics.language == .typescript)
        #expect(metrics.functions == 3)
        #expect(metrics.cyclomatic == 9)
        #expect(metrics.codeLines == 14)
    }

    /// shell, with a here-document; lizard has no shell reader.
    @Test func shell() {
        let metrics = measure(#"""
        #!/bin/sh
        # if in a comment
        deploy() {
          if [ -z "$1" ] || [ "$1" = "#" ]; then
            echo "usage: if"; return 1
          fi
          case "$1" in
            a) echo a ;;
            b) echo b ;;
          esac
        }
        for f in *.txt; do test -f "$f" && echo "$f"; done
        cat <<EOF2
        if while for
        EOF2
        echo ${#PATH}
        """#, "src/sample.sh")
        #expect(metrics.language == .shell)
        #expect(metrics.functions == 1)
        #expect(metrics.cyclomatic == 7)
        #expect(metrics.codeLines == 14)
    }
    @Test func indentationComplexityIsLanguageNeutral() {
        // Tornhill's measure: tabs + spaces / 4 per non-blank line.
        let metrics = measure("a:\n    b\n\n\tc\n      d\n", "notes.yaml")
        #expect(metrics.language == nil)
        #expect(metrics.cyclomatic == nil)
        #expect(metrics.lines == 5)
        #expect(metrics.codeLines == 4)
        #expect(metrics.indentation == 3.5)
        #expect(metrics.maximumIndentation == 1.5)
        // Without a scanner, the lines that indent deeper than the one before stand in for decisions.
        #expect(metrics.indentedBlocks == 2)
        #expect(metrics.complexity == 2)
    }

    @Test func languagesByNameAndByShebang() {
        #expect(Language.of(path: "src/a.H") == .c)  // extensions are matched without case
        #expect(Language.of(path: "src/a.hpp") == .cpp)
        #expect(Language.of(path: "lib/tasks/Rakefile") == .ruby)
        #expect(Language.of(path: ".gitignore") == nil)
        #expect(Language.of(path: "README") == nil)
        #expect(Language.of(shebang: "#!/usr/bin/env python3") == .python)
        #expect(Language.of(shebang: "#!/bin/bash -e") == .shell)
        #expect(Language.of(shebang: "#!/usr/bin/env -S node --harmony") == .javascript)
        let script = measure("#!/bin/sh\nif true; then echo; fi\n", "bin/run")
        #expect(script.language == .shell)
        #expect(script.cyclomatic == 1)
    }

    @Test func generatedAndMinifiedContent() {
        #expect(SourceAnalyzer.looksGenerated(Array("// Code generated by protoc-gen-go. DO NOT EDIT.\n".utf8)))
        #expect(SourceAnalyzer.looksGenerated(Array("/* Automatically generated by gen.py, do not edit. */\n".utf8)))
        #expect(!SourceAnalyzer.looksGenerated(Array("// The parser generated by hand.\nint x;\n".utf8)))
        let minified = "var a=1;" + String(repeating: "function f(){return 1}", count: 200) + "\n"
        #expect(SourceAnalyzer.looksGenerated(Array(minified.utf8)))
    }

    @Test func unterminatedStringsAndCommentsDoNotCrash() {
        for source in ["\"never closed\nint f() { if (x) {} }\n", "/* open", "'", "#if", "R\"(", "`${", "<<EOF"] {
            for path in ["a.c", "a.cpp", "a.js", "a.py", "a.rb", "a.sh", "a.rs", "a.swift", "a.php", "a.cs"] {
                _ = measure(source, path)
            }
        }
    }
}

