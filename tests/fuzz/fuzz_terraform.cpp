// libFuzzer target: the Terraform state and plan import (terraformimport::read), which parses
// JSON with Qt and maps resources, references and zones to a validated map.
#include "model/io/terraform/terraformimport.h"
#include "tests/fuzz/fuzzutil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace faultline;
    fuzz::importOne([&] {
        return terraformimport::read(fuzz::bytes(data, size), QStringLiteral("fuzz.tfstate")).map;
    });
    return 0;
}
