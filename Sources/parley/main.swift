import ParleyKit
print(ParleyVersion.string)
