# Thin wrapper over CMake. Every target installs what is missing first.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps build test demo eval bench fuzz clean format

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/sitrep

eval: build
	@eval/run.sh $(BUILD)/sitrep

bench: build
	@scripts/bench.sh $(BUILD)

fuzz: deps
	cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DSITREP_FUZZ=ON
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzz_readers

clean:
	rm -rf $(BUILD) $(BUILD)-fuzz

format:
	find src bench fuzz -name '*.cc' -o -name '*.h' | xargs clang-format -i
